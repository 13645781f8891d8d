"""The interface in Russian and English: strings, term labels, dates, and choosing a language.

The language comes from `?lang=` (which also sets a cookie), then the cookie, then the
browser's Accept-Language, and is Russian by default: most sources and most readers are.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from starlette.requests import Request

from vigil.thesaurus import TERMS

LANGUAGES = ("ru", "en")
DEFAULT = "ru"
COOKIE = "lang"

STRINGS: dict[str, dict[str, str]] = {
    "ru": {
        "site": "Vigil",
        "tagline": "Реестр политических преследований по их источникам",
        "skip": "К содержанию",
        "nav.search": "Поиск",
        "nav.sources": "Источники",
        "nav.statistics": "Статистика",
        "stats.title": "Статистика",
        "stats.lead": (
            "Подсчёты по всему реестру: только числа, без имён. За каждым числом в таблицах — "
            "записи, на которых оно основано, каждая со ссылкой на источник. Люди, которые могут "
            "быть живы, не показываются и не учитываются."
        ),
        "stats.floor": (
            "Реестр содержит то, что засвидетельствовано внесёнными источниками: его числа — нижняя"
            " граница, а не перепись."
        ),
        "stats.contents": "На этой странице",
        "stats.timeline": "События по времени",
        "stats.outcomes": "Что было дальше: по категориям",
        "stats.claims": "Утверждения источников рядом с данными реестра",
        "stats.by": "Группировать",
        "stats.by.type": "по виду события",
        "stats.by.authority": "по органу",
        "stats.by.category": "по категории",
        "stats.events": "Виды событий",
        "stats.categories": "Категории",
        "stats.multi": "Можно выбрать несколько; ничего не выбрано — все.",
        "stats.period": "Период",
        "stats.period.year": "год",
        "stats.period.month": "месяц",
        "stats.persons": "Считать и число людей (дольше)",
        "stats.show": "Показать",
        "stats.computed": (
            "Подсчитано {at} за {seconds} с; хранится, пока реестр не изменится (новый источник или"
            " новое связывание записей)."
        ),
        "stats.none": "Нет событий, подходящих под условия.",
        "stats.timeline.table.type": "Число событий по периодам и видам",
        "stats.timeline.table.authority": "Число событий по периодам и органам",
        "stats.timeline.table.category": "Число событий по периодам и категориям",
        "stats.timeline.chart.type": "События по видам, {period}",
        "stats.timeline.chart.authority": "События по органам, {period}",
        "stats.timeline.chart.category": "События по категориям, {period}",
        "stats.per.year": "по годам",
        "stats.per.month": "по месяцам",
        "stats.in_brackets": "в скобках — {unit}",
        "stats.chart.desc": "Диаграмма; те же числа — в таблице рядом с ней.",
        "stats.unit.person": "людей",
        "stats.unit.record": "записей",
        "stats.spanning": "на несколько периодов",
        "stats.undated": "без даты",
        "stats.total": "всего",
        "stats.all": "все",
        "stats.other": "прочие ({n})",
        "stats.not_recorded": "не указано",
        "stats.rule.placed": (
            "Событие учитывается в году (месяце), только если его дата целиком лежит в нём; события"
            " с датой на несколько периодов — в строке «{spanning}», без даты — в строке "
            "«{undated}»."
        ),
        "stats.rule.unlisted": (
            "Числа без ссылки пока нельзя раскрыть в список записей: события на несколько периодов,"
            " события без даты и, если задан диапазон лет, итоги групп."
        ),
        "stats.outcomes.intro": (
            "Для всех, кто был исключён из партии (или осуждён) по какой-либо категории: сколько из"
            " них затем арестовано, осуждено (и на какой срок), сослано, расстреляно, освобождено, "
            "реабилитировано — или о ком больше ничего не известно. Так видно неравенство обращения"
            " с «врагами» и «не врагами», о котором пишет статья 1936 года."
        ),
        "stats.after": "Разбить людей по категории события",
        "stats.outcomes.chart": "Что было после события «{after}», по категориям (доля группы)",
        "stats.outcomes.table": "Что было после события «{after}»: число {unit} и доля группы",
        "stats.cohort": "Категория",
        "stats.cohort.size": "Всего {unit}",
        "stats.unlinked": "из них {n} записей не связаны",
        "stats.none_recorded": "больше ничего не известно",
        "stats.terms": "Сроки последующих приговоров, как они записаны (число {unit})",
        "stats.term": "Срок",
        "stats.terms.more": "и ещё сроков: {n} (все — в API)",
        "stats.outcomes.rule": (
            "Человек входит в группу категории с самого раннего такого события; «затем» — любое "
            "событие, о котором не известно, что оно было раньше. Человек может быть в нескольких "
            "группах, а доли — давать в сумме больше 100 %. Размер группы пока нельзя раскрыть в "
            "список записей."
        ),
        "stats.claims.intro": (
            "Каждое число, которое называет источник, со ссылкой на место в его тексте, рядом с "
            "числом событий того же рода, которые реестр относит к тому же периоду."
        ),
        "stats.claims.table": "Утверждения источников и данные реестра",
        "stats.claims.none": "Источники не называют чисел.",
        "stats.claim": "Утверждение",
        "stats.claim.span": "символы {start}–{end}",
        "stats.claim.says": "Число в источнике",
        "stats.claim.period": "Период",
        "stats.claim.registry": "В реестре",
        "stats.claim.no_period": "не указан (все даты)",
        "stats.claim.holds": "событий «{act}» в этом периоде:",
        "stats.claim.subjects": "{unit}: {n}",
        "stats.claim.spanning": "ещё {n} могут относиться к периоду",
        "stats.claim.undated": "ещё {n} без даты",
        "stats.claim.rate": "это доля: в реестре нет числа членов, чтобы её проверить",
        "stats.claim.unmatched": "это не действие, которое учитывает реестр",
        "stats.records.title": "Записи, стоящие за числом",
        "stats.records.figure": "Число",
        "stats.records.total": "Записей, которые можно показать",
        "stats.records.note": (
            "Одна запись может называть несколько событий, а у человека может быть несколько "
            "записей, поэтому число записей может отличаться от самого числа."
        ),
        "stats.records.none": "Нет записей, которые можно показать.",
        "stats.records.back": "← К статистике",
        "stats.records.outcome": "После события «{after}», категория «{cohort}»: {then}",
        "stats.records.claim": "Утверждение № {id}: события, которые реестр относит к его периоду",
        "stats.all_events": "все события",
        "stats.all_periods": "все периоды",
        "nav.api": "API",
        "switch": "English",
        "switch.title": "Switch to English",
        "search.title": "Поиск по имени",
        "search.name": "Фамилия, имя, отчество (в любом написании)",
        "search.hint": "Троцкий, Trotzki и Trotsky найдут одного человека.",
        "search.filters": "Уточнить",
        "search.event": "Событие",
        "search.any": "любое",
        "search.year_from": "С года",
        "search.year_to": "По год",
        "search.place": "Место",
        "search.authority": "Орган",
        "search.category": "Категория (как у преследователей)",
        "search.submit": "Найти",
        "search.found": "Найдено: {total}",
        "search.more": "Найдено больше {total}; уточните поиск.",
        "search.none": "Никого не найдено.",
        "search.fuzzy": "Такого написания нет; показаны похожие по звучанию фамилии.",
        "search.not_understood": "Не удалось разобрать имя. Введите хотя бы фамилию.",
        "search.unlinked": "запись ещё не связана с человеком",
        "search.records": "записей: {n}, источников: {m}",
        "search.matches": "Совпадения",
        "page.prev": "← Назад",
        "page.next": "Далее →",
        "page.of": "Страница {page} из {pages}",
        "person.title": "Человек № {id}",
        "person.names": "Имя в источниках",
        "person.variants": "Варианты имени",
        "person.facts": "Сведения",
        "person.timeline": "События",
        "person.records": "Записи",
        "person.conflict": "источники расходятся",
        "person.conflicts": "Расхождений между источниками: {n}.",
        "person.no_events": "Записи не называют событий.",
        "record.title": "Запись № {id}",
        "record.text": "Текст источника",
        "record.person": "Человек",
        "record.unlinked": "Запись ещё не связана с другими.",
        "record.fields": "Поля",
        "record.events": "События",
        "source.title": "Источник № {id}",
        "source.meta": "Описание",
        "source.text": "Текст",
        "source.claims": "Утверждения",
        "source.quotes": "Цитаты",
        "source.kind": "Вид",
        "source.author": "Автор",
        "source.written": "Написан",
        "source.published": "Опубликован",
        "source.venue": "Издание",
        "source.locator": "Шифр / адрес",
        "source.language": "Язык",
        "source.file": "Файл",
        "source.sha256": "SHA-256",
        "source.records": "Записей",
        "source.legend": "Выделены: записи о людях, события, утверждения и цитаты.",
        "mark.claim": "утверждение",
        "mark.quote": "цитата",
        "sources.title": "Источники",
        "withheld": "[скрыто]",
        "withheld.note": (
            "Записи о людях, родившихся менее 100 лет назад, без даты смерти, скрыты: "
            "эти люди могут быть живы."
        ),
        "cite.entry": "запись {n}",
        "col.source": "Источник",
        "col.locator": "Место в источнике",
        "col.name": "Имя",
        "col.text": "Текст",
        "col.value": "Значение",
        "col.cited": "Источник",
        "field.birth": "Дата рождения",
        "field.birth_place": "Место рождения",
        "field.sex": "Пол",
        "field.nationality": "Национальность",
        "field.party": "Партийность",
        "field.occupation": "Место работы, должность",
        "field.residence": "Место жительства",
        "field.document": "Номер документа",
        "field.place": "место",
        "field.authority": "орган",
        "field.category": "категория",
        "field.charge": "обвинение",
        "field.detail": "подробности",
        "sex.m": "мужской",
        "sex.f": "женский",
        "error.404": "Страница не найдена",
        "error.404.text": "По этому адресу нет открытой страницы.",
        "error.400": "Неверный запрос",
        "error.400.text": "В адресе есть значение, которое страница не может использовать:",
        # -- accounts (vigil.web.auth) --
        "auth.login": "Войти",
        "auth.logout": "Выйти",
        "auth.login.title": "Вход",
        "auth.name": "Имя учётной записи",
        "auth.password": "Пароль",
        "auth.submit": "Войти",
        "auth.hint": (
            "Учётные записи создаёт администратор сервера командой «vigil user add». Без входа "
            "открыты общедоступные страницы."
        ),
        "auth.login.wrong": "Неверное имя или пароль.",
        "auth.login.refused": (
            "Слишком много неудачных попыток входа. Попробуйте снова через {minutes} мин."
        ),
        "auth.signed_in": "Вы вошли как {name} ({role}).",
        "auth.unscreened": (
            "Вы вошли с ролью «{role}»: показаны и люди, скрытые от публики (они могут быть "
            "живы). Не публикуйте эти сведения."
        ),
        "auth.account.title": "Учётная запись",
        "auth.role": "Роль",
        "auth.expires": "Вход действует до",
        "auth.may": "Что вам доступно",
        "auth.passwd.hint": "Пароль меняет администратор: vigil user passwd {name}",
        "role.anonymous": "без входа",
        "role.reader": "читатель",
        "role.researcher": "исследователь",
        "role.editor": "редактор",
        "role.reviewer": "рецензент",
        "role.admin": "администратор",
        "role.anonymous.may": (
            "общедоступные страницы и API (людей, которые могут быть живы, не видно)"
        ),
        "role.reader.may": "своя учётная запись и выход",
        "role.researcher.may": (
            "неопубликованные данные: люди, скрытые политикой приватности (только чтение)"
        ),
        "role.editor.may": "внесение источников (страница «Загрузка»)",
        "role.reviewer.may": "очередь пар записей и решения по ним (страница «Проверка»)",
        "role.admin.may": "всё перечисленное",
        "error.401": "Нужно войти",
        "error.401.text": "Эта страница доступна только после входа.",
        "error.403": "Доступ запрещён",
        "error.403.text": "Запрос отклонён:",
        "error.429": "Слишком много попыток",
        "error.429.text": "Подождите и попробуйте снова:",
        "error.back": "Вернуться к поиску",
        "publish.nav.data": "Открытые данные",
        "publish.search.offline": (
            "Поиск работает в вашем браузере, без сервера: запрос никуда не отправляется."
        ),
        "publish.search.noscript": (
            "Для поиска по имени нужен JavaScript. Без него людей можно найти в списке по "
            "алфавиту ниже."
        ),
        "publish.search.loading": "Ищем…",
        "publish.search.prefix": "Такого написания нет; показаны имена, которые так начинаются.",
        "publish.search.similar": "Такого написания нет; показаны похожие фамилии.",
        "publish.search.more": "Показаны первые {shown}; добавьте имя или отчество.",
        "publish.names.title": "Все люди по алфавиту",
        "publish.names.letters": "По первой букве",
        "publish.names.count": (
            "Опубликовано: людей — {persons}, записей — {records}, источников — {sources}."
        ),
        "publish.stats.fixed": (
            "Числа на день публикации, {date}. На сайте с сервером их можно отобрать по годам, "
            "событиям и категориям и открыть записи за каждым числом."
        ),
        "publish.data.title": "Открытые данные",
        "publish.data.intro": (
            "Всё, что показывает этот сайт, — в файлах для повторного использования: люди, их "
            "записи в источниках, события, источники и утверждения, у каждого факта — ссылка "
            "на источник, место в нём и фрагмент текста."
        ),
        "publish.data.file": "Файл",
        "publish.data.what": "Что в нём",
        "publish.data.rows": "Строк",
        "publish.data.sources": "источники",
        "publish.data.persons": "люди",
        "publish.data.records": "записи о людях в источниках, дословно",
        "publish.data.events": "события: что было сделано с человеком, по каждой записи",
        "publish.data.claims": "утверждения источников (числа)",
        "publish.data.jsonld": "всё вместе в JSON-LD (schema.org Person, Event)",
        "publish.data.sqlite": "всё вместе в базе SQLite, с ключами и полнотекстовым поиском",
        "publish.data.metadata": "описание для Datasette: название, лицензия, столбцы",
        "publish.data.readme": "описание всех файлов и столбцов",
        "publish.data.more": "Каждый файл и каждый столбец описаны в",
        "publish.data.datasette": "Базу SQLite можно открыть в Datasette:",
        # -- editing (vigil serve --editing): review and ingest --
        "nav.review": "Проверка",
        "nav.ingest": "Загрузка",
        "editing.open": (
            "Включено редактирование: всякий, кто может открыть этот адрес, видит все записи "
            "без сокрытия и может вносить решения и загружать источники."
        ),
        "review.title": "Проверка пар записей",
        "review.decided": (
            "Решение № {id} по записям {a} и {b} записано: {verdict} ({who}). "
            "Его применит следующий запуск «vigil link»."
        ),
        "review.no_run": "Записи ещё не связывались: сначала выполните «vigil link».",
        "review.empty": "Нерешённых пар нет: проверять нечего.",
        "review.past_end": "Дальше пар нет.",
        "review.first": "К первой паре",
        "review.position": "Пара {n} в очереди (порог {threshold})",
        "review.scored": "вероятность совпадения {p} (вес {w})",
        "review.unscored": "пара не оценивалась моделью",
        "review.same_person": "сейчас это один человек",
        "review.apart": "сейчас это разные люди",
        "review.records": "Записи",
        "review.why": "Почему модель так считает",
        "review.why.caption": "Записи {a} и {b}: вес каждого сравнения",
        "review.col.comparison": "Сравнение",
        "review.col.level": "Уровень",
        "review.col.weight": "Вес",
        "review.col.running": "Итог",
        "review.prior": "Априори",
        "review.prior.level": "две случайные записи (вероятность {p})",
        "review.tf": "(из них за частоту значения {w})",
        "review.total": "Всего",
        "review.probability": "вероятность {p}",
        "review.unexplained": "Объяснения нет: {reason}.",
        "review.decisions": "Решения по этой паре",
        "review.decision": "{when}: {who} — {verdict}",
        "review.in_force": "(действует)",
        "review.no_decisions": "Решений по этой паре ещё нет.",
        "review.decide": "Решение",
        "review.reviewer": "Кто решает",
        "review.reason": "Почему (необязательно)",
        "review.applies": "Решение применит следующий запуск «vigil link»; оно сильнее модели.",
        "review.nav": "Очередь пар",
        "review.prev": "← Предыдущая пара",
        "review.next": "Следующая пара →",
        "review.error.reviewer": "Укажите, кто принимает решение.",
        "verdict.same": "один человек",
        "verdict.different": "разные люди",
        "verdict.skip": "пропустить",
        "cmp.surname": "Фамилия",
        "cmp.given": "Имя",
        "cmp.patronymic": "Отчество",
        "cmp.sex": "Пол",
        "cmp.birth": "Дата рождения",
        "cmp.birth_place": "Место рождения",
        "cmp.residence": "Место жительства",
        "cmp.document": "Номер документа",
        "cmp.nationality": "Национальность",
        "cmp.occupation": "Место работы, должность",
        "cmp.arrest": "Дата ареста",
        "cmp.death": "Дата смерти",
        "ingest.title": "Загрузить источник",
        "ingest.file": "Файл",
        "ingest.limit": "не больше {limit} МБ",
        "ingest.format": "Формат",
        "ingest.detect": "определить по файлу",
        "ingest.table": "Для таблиц (формат table)",
        "ingest.map": "Соответствие полей и столбцов",
        "ingest.map.hint": "как --map: поле=Столбец через запятую",
        "ingest.id_column": "Столбец с номером записи (--id-column)",
        "ingest.submit": "Загрузить",
        "ingest.transaction": (
            "Файл вносится одной транзакцией, как «vigil ingest»: при ошибке в реестре не "
            "остаётся ничего; те же байты второй раз ничего не меняют."
        ),
        "ingest.jobs": "Загрузки",
        "ingest.col.file": "Файл",
        "ingest.col.state": "Состояние",
        "ingest.refused.size": "Файл больше допустимого: не больше {limit} МБ.",
        "ingest.refused.form": "Нужна форма с файлом (multipart/form-data).",
        "ingest.refused.bad": "Форма повреждена: {reason}",
        "ingest.refused.nofile": "Выберите файл.",
        "ingest.refused.format": "Неизвестный формат {name!r} (известны: {known}).",
        "ingest.refused.map": "--map: {reason}",
        "job.title": "Загрузка {file}",
        "job.meta": "{size} байт, формат: {format}",
        "job.detected": "определяется по файлу",
        "job.state.queued": "в очереди",
        "job.state.running": "идёт",
        "job.state.done": "готово",
        "job.state.failed": "ошибка",
        "job.storing": "Сохранение записей",
        "job.reading": "Чтение и разбор файла",
        "job.refresh": "Страница обновляется сама.",
        "job.reload": "Обновить",
        "job.done": "Источник внесён:",
        "job.count.records": "Записей",
        "job.count.events": "Событий",
        "job.count.claims": "Утверждений",
        "job.count.quotes": "Цитат",
        "job.count.warnings": "Предупреждений",
        "job.warnings": "Предупреждения",
        "job.col.file": "Файл",
        "job.col.line": "Строка",
        "job.col.warning": "Предупреждение",
        "job.col.reason": "Причина",
        "job.warnings.more": "… и ещё {n}: их все перечисляет «vigil parse {file} --json».",
        "job.already": "Эти байты уже внесены как источник № {id}; ничего не изменилось.",
        "job.failed": "Файл не внесён.",
        "job.nothing_left": "В реестре от этого файла не осталось ничего.",
        "job.another": "Загрузить другой файл",
        "privacy": (
            "Люди, родившиеся менее 100 лет назад, для которых источники не называют даты "
            "смерти, не показываются: они могут быть живы."
        ),
    },
    "en": {
        "site": "Vigil",
        "tagline": "A registry of political persecution, from its sources",
        "skip": "Skip to content",
        "nav.search": "Search",
        "nav.sources": "Sources",
        "nav.statistics": "Statistics",
        "stats.title": "Statistics",
        "stats.lead": (
            "Counts over the whole registry: numbers only, no names. Behind every number in the "
            "tables are the records it rests on, each cited to its source. People who may be alive "
            "are neither shown nor counted."
        ),
        "stats.floor": (
            "The registry holds what the ingested sources attest: its counts are a floor, not a "
            "census."
        ),
        "stats.contents": "On this page",
        "stats.timeline": "Events over time",
        "stats.outcomes": "What happened next, by category",
        "stats.claims": "What the sources claim, beside the registry",
        "stats.by": "Group",
        "stats.by.type": "by type of event",
        "stats.by.authority": "by authority",
        "stats.by.category": "by category",
        "stats.events": "Types of event",
        "stats.categories": "Categories",
        "stats.multi": "Several may be chosen; none chosen means all.",
        "stats.period": "Period",
        "stats.period.year": "year",
        "stats.period.month": "month",
        "stats.persons": "Also count persons (slower)",
        "stats.show": "Show",
        "stats.computed": (
            "Computed {at} in {seconds} s; kept until the registry changes (a new source or a new "
            "linkage run)."
        ),
        "stats.none": "No events match.",
        "stats.timeline.table.type": "Events per period and type",
        "stats.timeline.table.authority": "Events per period and authority",
        "stats.timeline.table.category": "Events per period and category",
        "stats.timeline.chart.type": "Events by type, {period}",
        "stats.timeline.chart.authority": "Events by authority, {period}",
        "stats.timeline.chart.category": "Events by category, {period}",
        "stats.per.year": "per year",
        "stats.per.month": "per month",
        "stats.in_brackets": "{unit} in brackets",
        "stats.chart.desc": "A chart; the same figures are in the table beside it.",
        "stats.unit.person": "persons",
        "stats.unit.record": "records",
        "stats.spanning": "across periods",
        "stats.undated": "undated",
        "stats.total": "total",
        "stats.all": "all",
        "stats.other": "other ({n})",
        "stats.not_recorded": "not recorded",
        "stats.rule.placed": (
            "An event counts in a year (or month) only when its date lies wholly inside it; events "
            "dated across periods are in the row “{spanning}”, those with no date in “{undated}”."
        ),
        "stats.rule.unlisted": (
            "Numbers without a link cannot yet be opened as lists of records: events across "
            "periods, undated events and, when a range of years is set, the groups' totals."
        ),
        "stats.outcomes.intro": (
            "For everyone expelled from the party (or sentenced) under a category: how many were "
            "later arrested, sentenced (and to what), exiled, shot, released, rehabilitated, or "
            "have nothing more recorded. This is the disparity of treatment between “enemies” and "
            "“non-enemies” that the article of 1936 describes."
        ),
        "stats.after": "Sort people by the category of their",
        "stats.outcomes.chart": "What followed {after}, by category (share of the group)",
        "stats.outcomes.table": "What followed {after}: {unit} and share of the group",
        "stats.cohort": "Category",
        "stats.cohort.size": "All {unit}",
        "stats.unlinked": "{n} of them unlinked records",
        "stats.none_recorded": "nothing more recorded",
        "stats.terms": "Terms of the later sentences, as written ({unit})",
        "stats.term": "Term",
        "stats.terms.more": "and {n} more terms (all in the API)",
        "stats.outcomes.rule": (
            "A person joins a category's group at their earliest such event; “later” is any event "
            "not known to be earlier. A person may be in several groups, and the shares may add up "
            "to more than 100%. A group's size cannot yet be opened as a list of records."
        ),
        "stats.claims.intro": (
            "Every figure a source states, cited to its place in the text, beside the number of "
            "events of the same act the registry dates in the same period."
        ),
        "stats.claims.table": "The sources' claims and the registry",
        "stats.claims.none": "The sources state no figures.",
        "stats.claim": "Claim",
        "stats.claim.span": "characters {start}–{end}",
        "stats.claim.says": "The source's figure",
        "stats.claim.period": "Period",
        "stats.claim.registry": "The registry holds",
        "stats.claim.no_period": "none given (all dates)",
        "stats.claim.holds": "{act} events in this period:",
        "stats.claim.subjects": "{unit}: {n}",
        "stats.claim.spanning": "{n} more may fall in the period",
        "stats.claim.undated": "{n} more undated",
        "stats.claim.rate": "a rate: the registry holds no count of members to check it against",
        "stats.claim.unmatched": "not an act the registry records",
        "stats.records.title": "The records behind a figure",
        "stats.records.figure": "The figure",
        "stats.records.total": "Records that may be shown",
        "stats.records.note": (
            "A record may attest several events and a person may have several records, so the "
            "number of records may differ from the figure."
        ),
        "stats.records.none": "No records that may be shown.",
        "stats.records.back": "← Back to the statistics",
        "stats.records.outcome": "After {after}, category {cohort}: {then}",
        "stats.records.claim": "Claim no. {id}: the events the registry dates in its period",
        "stats.all_events": "all events",
        "stats.all_periods": "all periods",
        "nav.api": "API",
        "switch": "Русский",
        "switch.title": "Переключить на русский",
        "search.title": "Search by name",
        "search.name": "Surname, given name, patronymic (any spelling)",
        "search.hint": "Троцкий, Trotzki and Trotsky find the same person.",
        "search.filters": "Narrow down",
        "search.event": "Event",
        "search.any": "any",
        "search.year_from": "From year",
        "search.year_to": "To year",
        "search.place": "Place",
        "search.authority": "Authority",
        "search.category": "Category (the persecutors' label)",
        "search.submit": "Search",
        "search.found": "Found: {total}",
        "search.more": "More than {total} found; narrow the search.",
        "search.none": "No one found.",
        "search.fuzzy": "No such spelling; showing surnames that sound alike.",
        "search.not_understood": "The name could not be read. Enter at least a surname.",
        "search.unlinked": "record not yet linked to a person",
        "search.records": "records: {n}, sources: {m}",
        "search.matches": "Matches",
        "page.prev": "← Previous",
        "page.next": "Next →",
        "page.of": "Page {page} of {pages}",
        "person.title": "Person no. {id}",
        "person.names": "Name in the sources",
        "person.variants": "Name variants",
        "person.facts": "Facts",
        "person.timeline": "Events",
        "person.records": "Records",
        "person.conflict": "the sources disagree",
        "person.conflicts": "Disagreements between sources: {n}.",
        "person.no_events": "The records name no events.",
        "record.title": "Record no. {id}",
        "record.text": "Source text",
        "record.person": "Person",
        "record.unlinked": "Not yet linked to other records.",
        "record.fields": "Fields",
        "record.events": "Events",
        "source.title": "Source no. {id}",
        "source.meta": "Description",
        "source.text": "Text",
        "source.claims": "Claims",
        "source.quotes": "Quotations",
        "source.kind": "Kind",
        "source.author": "Author",
        "source.written": "Written",
        "source.published": "Published",
        "source.venue": "Venue",
        "source.locator": "Reference",
        "source.language": "Language",
        "source.file": "File",
        "source.sha256": "SHA-256",
        "source.records": "Records",
        "source.legend": "Marked: records of people, events, claims and quotations.",
        "mark.claim": "claim",
        "mark.quote": "quotation",
        "sources.title": "Sources",
        "withheld": "[withheld]",
        "withheld.note": (
            "Records of people born less than 100 years ago with no date of death are "
            "withheld: they may be alive."
        ),
        "cite.entry": "entry {n}",
        "col.source": "Source",
        "col.locator": "Locator",
        "col.name": "Name",
        "col.text": "Text",
        "col.value": "Value",
        "col.cited": "Source",
        "field.birth": "Date of birth",
        "field.birth_place": "Place of birth",
        "field.sex": "Sex",
        "field.nationality": "Nationality",
        "field.party": "Party membership",
        "field.occupation": "Occupation",
        "field.residence": "Residence",
        "field.document": "Document number",
        "field.place": "place",
        "field.authority": "authority",
        "field.category": "category",
        "field.charge": "charge",
        "field.detail": "detail",
        "sex.m": "male",
        "sex.f": "female",
        "error.404": "Not found",
        "error.404.text": "There is no public page at this address.",
        "error.400": "Bad request",
        "error.400.text": "The address holds a value this page cannot use:",
        # -- accounts (vigil.web.auth) --
        "auth.login": "Log in",
        "auth.logout": "Log out",
        "auth.login.title": "Log in",
        "auth.name": "Account name",
        "auth.password": "Password",
        "auth.submit": "Log in",
        "auth.hint": (
            "The server's administrator makes accounts with “vigil user add”. Without logging "
            "in, the public pages are open."
        ),
        "auth.login.wrong": "Wrong name or password.",
        "auth.login.refused": "Too many failed logins. Try again in {minutes} min.",
        "auth.signed_in": "You are logged in as {name} ({role}).",
        "auth.unscreened": (
            "You are logged in with the {role} role: people withheld from the public (who may be "
            "alive) are shown too. Do not publish what you read about them."
        ),
        "auth.account.title": "Account",
        "auth.role": "Role",
        "auth.expires": "Logged in until",
        "auth.may": "What you may do",
        "auth.passwd.hint": "The administrator changes passwords: vigil user passwd {name}",
        "role.anonymous": "not logged in",
        "role.reader": "reader",
        "role.researcher": "researcher",
        "role.editor": "editor",
        "role.reviewer": "reviewer",
        "role.admin": "administrator",
        "role.anonymous.may": "the public pages and API (people who may be alive are withheld)",
        "role.reader.may": "your own account page, and logging out",
        "role.researcher.may": "unpublished data: people the privacy policy withholds (read only)",
        "role.editor.may": "ingesting sources (the Ingest page)",
        "role.reviewer.may": "the queue of record pairs and decisions on them (the Review page)",
        "role.admin.may": "all of the above",
        "error.401": "Log in first",
        "error.401.text": "This page is open only after logging in.",
        "error.403": "Forbidden",
        "error.403.text": "The request was refused:",
        "error.429": "Too many attempts",
        "error.429.text": "Wait, then try again:",
        "error.back": "Back to search",
        "publish.nav.data": "Open data",
        "publish.search.offline": (
            "The search runs in your browser, without a server: your query is sent nowhere."
        ),
        "publish.search.noscript": (
            "Searching by name needs JavaScript. Without it, find people in the alphabetical "
            "list below."
        ),
        "publish.search.loading": "Searching…",
        "publish.search.prefix": "No such spelling; showing names that begin so.",
        "publish.search.similar": "No such spelling; showing surnames that are alike.",
        "publish.search.more": "The first {shown} are shown; add a given name or patronymic.",
        "publish.names.title": "Everyone, alphabetically",
        "publish.names.letters": "By first letter",
        "publish.names.count": (
            "Published: {persons} persons, {records} records, {sources} sources."
        ),
        "publish.stats.fixed": (
            "Figures as of the day of publication, {date}. With a server, they can be narrowed "
            "by years, events and categories, and the records behind each number opened."
        ),
        "publish.data.title": "Open data",
        "publish.data.intro": (
            "Everything this site shows, in files to reuse: persons, their records in the "
            "sources, events, sources and claims, each fact with its source, its place in it "
            "and its span of text."
        ),
        "publish.data.file": "File",
        "publish.data.what": "What it holds",
        "publish.data.rows": "Rows",
        "publish.data.sources": "sources",
        "publish.data.persons": "persons",
        "publish.data.records": "records of people in the sources, verbatim",
        "publish.data.events": "events: what was done to a person, by each record",
        "publish.data.claims": "the sources' claims (figures)",
        "publish.data.jsonld": "all of it as JSON-LD (schema.org Person, Event)",
        "publish.data.sqlite": "all of it in one SQLite database, with keys and full-text search",
        "publish.data.metadata": "Datasette's description: title, licence, columns",
        "publish.data.readme": "what every file and column holds",
        "publish.data.more": "Every file and column is described in",
        "publish.data.datasette": "The SQLite database opens in Datasette:",
        # -- editing (vigil serve --editing): review and ingest --
        "nav.review": "Review",
        "nav.ingest": "Ingest",
        "editing.open": (
            "Editing is on: anyone who can reach this address sees every record unscreened "
            "and can record decisions and ingest sources."
        ),
        "review.title": "Review pairs of records",
        "review.decided": (
            "Decision no. {id} on records {a} and {b} recorded: {verdict} ({who}). "
            "The next run of “vigil link” applies it."
        ),
        "review.no_run": "No records have been linked yet: run “vigil link” first.",
        "review.empty": "No undecided pairs: nothing to review.",
        "review.past_end": "No more pairs.",
        "review.first": "To the first pair",
        "review.position": "Pair {n} in the queue (threshold {threshold})",
        "review.scored": "match probability {p} (weight {w})",
        "review.unscored": "not a scored pair",
        "review.same_person": "one person now",
        "review.apart": "different persons now",
        "review.records": "Records",
        "review.why": "Why the model thinks so",
        "review.why.caption": "Records {a} and {b}: match weight by comparison",
        "review.col.comparison": "Comparison",
        "review.col.level": "Level",
        "review.col.weight": "Weight",
        "review.col.running": "Running",
        "review.prior": "Prior",
        "review.prior.level": "two records taken at random (probability {p})",
        "review.tf": "(of which term frequency {w})",
        "review.total": "Total",
        "review.probability": "probability {p}",
        "review.unexplained": "No explanation: {reason}.",
        "review.decisions": "Decisions on this pair",
        "review.decision": "{when}: {who} decided {verdict}",
        "review.in_force": "(in force)",
        "review.no_decisions": "No decision on this pair yet.",
        "review.decide": "Decision",
        "review.reviewer": "Reviewer",
        "review.reason": "Reason (optional)",
        "review.applies": "The next run of “vigil link” applies the decision; it beats the model.",
        "review.nav": "Review queue",
        "review.prev": "← Previous pair",
        "review.next": "Next pair →",
        "review.error.reviewer": "Say who decides.",
        "verdict.same": "same person",
        "verdict.different": "different people",
        "verdict.skip": "skip",
        "cmp.surname": "Surname",
        "cmp.given": "Given name",
        "cmp.patronymic": "Patronymic",
        "cmp.sex": "Sex",
        "cmp.birth": "Date of birth",
        "cmp.birth_place": "Place of birth",
        "cmp.residence": "Residence",
        "cmp.document": "Document number",
        "cmp.nationality": "Nationality",
        "cmp.occupation": "Occupation",
        "cmp.arrest": "Date of arrest",
        "cmp.death": "Date of death",
        "ingest.title": "Ingest a source",
        "ingest.file": "File",
        "ingest.limit": "at most {limit} MB",
        "ingest.format": "Format",
        "ingest.detect": "detect from the file",
        "ingest.table": "For tables (format table)",
        "ingest.map": "Fields and columns",
        "ingest.map.hint": "as --map: field=Column, comma-separated",
        "ingest.id_column": "Column that numbers the records (--id-column)",
        "ingest.submit": "Ingest",
        "ingest.transaction": (
            "The file goes in as one transaction, as with “vigil ingest”: a failure leaves "
            "nothing in the registry; the same bytes again change nothing."
        ),
        "ingest.jobs": "Ingests",
        "ingest.col.file": "File",
        "ingest.col.state": "State",
        "ingest.refused.size": "The file is too large: at most {limit} MB.",
        "ingest.refused.form": "Send a form with a file (multipart/form-data).",
        "ingest.refused.bad": "The form is damaged: {reason}",
        "ingest.refused.nofile": "Choose a file.",
        "ingest.refused.format": "Unknown format {name!r} (known: {known}).",
        "ingest.refused.map": "--map: {reason}",
        "job.title": "Ingesting {file}",
        "job.meta": "{size} bytes, format: {format}",
        "job.detected": "detected from the file",
        "job.state.queued": "queued",
        "job.state.running": "running",
        "job.state.done": "done",
        "job.state.failed": "failed",
        "job.storing": "Storing the records",
        "job.reading": "Reading and parsing the file",
        "job.refresh": "This page refreshes itself.",
        "job.reload": "Refresh",
        "job.done": "The source is in:",
        "job.count.records": "Records",
        "job.count.events": "Events",
        "job.count.claims": "Claims",
        "job.count.quotes": "Quotations",
        "job.count.warnings": "Warnings",
        "job.warnings": "Warnings",
        "job.col.file": "File",
        "job.col.line": "Line",
        "job.col.warning": "Warning",
        "job.col.reason": "Reason",
        "job.warnings.more": "… and {n} more: “vigil parse {file} --json” lists them all.",
        "job.already": "These bytes are already source no. {id}; nothing changed.",
        "job.failed": "The file was not ingested.",
        "job.nothing_left": "Nothing of this file is left in the registry.",
        "job.another": "Ingest another file",
        "privacy": (
            "People born less than 100 years ago for whom no source gives a date of death are "
            "not shown: they may be alive."
        ),
    },
}

_LABELS = {t.code: {"ru": t.label_ru, "en": t.label_en} for t in TERMS}

MONTHS = {
    "ru": (
        "января",
        "февраля",
        "марта",
        "апреля",
        "мая",
        "июня",
        "июля",
        "августа",
        "сентября",
        "октября",
        "ноября",
        "декабря",
    ),
    "en": (
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ),
}
MONTHS_ALONE = {
    "ru": (
        "январь",
        "февраль",
        "март",
        "апрель",
        "май",
        "июнь",
        "июль",
        "август",
        "сентябрь",
        "октябрь",
        "ноябрь",
        "декабрь",
    ),
    "en": MONTHS["en"],
}
_SIMPLE = re.compile(r"^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?([?~%]?)$")


def choose(request: Request) -> str:
    """?lang=, then the cookie, then Accept-Language, then Russian."""
    asked = request.query_params.get("lang")
    if asked in LANGUAGES:
        return asked
    cookie = request.cookies.get(COOKIE)
    if cookie in LANGUAGES:
        return cookie
    for lang, _q in _accepted(request.headers.get("accept-language", "")):
        if lang in LANGUAGES:
            return lang
    return DEFAULT


def _accepted(header: str) -> list[tuple[str, float]]:
    out = []
    for part in header.split(","):
        tag, _, params = part.strip().partition(";")
        q = 1.0
        if params.strip().startswith("q="):
            try:
                q = float(params.strip()[2:])
            except ValueError:
                q = 0.0
        if tag:
            out.append((tag.split("-")[0].lower(), q))
    return sorted(out, key=lambda x: -x[1])


@dataclass(frozen=True, slots=True)
class Translator:
    """What templates call: `t("key")`, `term(code)`, `date(edtf)`."""

    lang: str

    def __call__(self, key: str, **values: Any) -> str:
        text = STRINGS[self.lang].get(key) or STRINGS["en"].get(key) or key
        return text.format(**values) if values else text

    @property
    def other(self) -> str:
        return "en" if self.lang == "ru" else "ru"

    def term(self, code: str | None) -> str:
        """A thesaurus label; an unknown code is shown as it is stored."""
        if not code:
            return ""
        return _LABELS.get(code, {}).get(self.lang) or code

    def date(self, edtf: str | None) -> str:
        """An EDTF date for reading: "12 марта 1937", "July 1956"; other forms as stored."""
        if not edtf:
            return ""
        if "/" in edtf:
            a, _, b = edtf.partition("/")
            return f"{self.date(a) or '…'} – {self.date(b) or '…'}"
        m = _SIMPLE.match(edtf)
        if not m:
            return edtf
        year, month, day, mark = m.groups()
        if day:
            text = f"{int(day)} {MONTHS[self.lang][int(month) - 1]} {year}"
        elif month:
            text = f"{MONTHS_ALONE[self.lang][int(month) - 1]} {year}"
        else:
            text = year
        return text + ("?" if mark else "")
