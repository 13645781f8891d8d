"""Records to persons: features, the Splink model, clustering under reviewers' decisions."""
