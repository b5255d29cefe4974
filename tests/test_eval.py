"""`kb eval`: the matcher beside the FTS5 and BM25 baselines, refusing to score the wrong index, help."""

from __future__ import annotations

import json
import re
from pathlib import Path

import click
import pytest
from click.testing import CliRunner
from conftest import kb_commands

from api.cli import EXIT_USAGE, cli
from api.evaluate import (
    Labelled,
    Ranked,
    Tally,
    coverage,
    evaluate,
    is_right,
    load_queries,
    probability_quality,
)
from api.knowledge import KnowledgeBase
from indexer.build import build_index

TESTS = Path(__file__).resolve().parent
FIXTURES = TESTS / "fixtures"
KB_DIR = TESTS.parent / "kb"

BASELINES = ("fts5_baseline", "bm25_baseline")
# Written for the parser fixtures and the seed article (tests/fixtures, kb/).
ANSWERABLE = [
    ("Outlook keeps asking for a password", "methods.md", "symptom-description"),
    (
        "print jobs stay in the queue after a driver update",
        "symptoms_cause_resolution.md",
        "symptom-description",
    ),
    ("The VPN client cannot reach the gateway", "kb_convention.md", "pasted-error:exact"),
    ("The file is not a valid CSV file", "several_errors.md", "pasted-error:exact"),
    ("mailNickname invalid value", "seed:jumpcloud-m365#R3", "pasted-error:partial"),
]


@pytest.fixture(scope="module")
def fixtures_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """An index of the parser fixtures and kb/ (read-only use)."""
    path = tmp_path_factory.mktemp("eval") / "fixtures.db"
    build_index([FIXTURES, KB_DIR], path)
    return path


def write_queries(folder: Path, rows: list[tuple[str, str | None, str]]) -> Path:
    """A labelled query file in the shared eval format."""
    path = folder / "queries.jsonl"
    lines = [
        json.dumps({"id": f"q{n}", "query": query, "expected": expected, "kind": kind})
        for n, (query, expected, kind) in enumerate(rows)
    ]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def kb_eval(*args: str | Path) -> click.testing.Result:
    return CliRunner().invoke(cli, ["eval", *map(str, args)], catch_exceptions=False)


def test_eval_prints_both_baselines_beside_the_matcher(fixtures_db: Path, tmp_path: Path) -> None:
    queries = write_queries(tmp_path, [*ANSWERABLE, ("how do I bake sourdough bread", None, "no-answer")])
    text = kb_eval(queries, "--db", fixtures_db)
    assert text.exit_code == 0, text.stderr
    header, *rows = text.stdout.splitlines()
    assert "FTS5" in header and "BM25" in header
    by_group = {row.split()[0]: row for row in rows}
    assert {"all", "symptom-description", "pasted-error", "pasted-error:exact", "no-answer"} <= set(by_group)
    # Matcher figures, then FTS5's three, then BM25's three.
    assert by_group["all"].count("|") == 2
    assert len(re.findall(r"\d\.\d{3}", by_group["all"].split("|")[2])) == 3

    figures = json.loads(kb_eval(queries, "--db", fixtures_db, "--format", "json").stdout)
    for group in ("all", "symptom-description", "pasted-error:exact"):
        for name in ("matcher", *BASELINES):
            assert figures["groups"][group][name]["queries"] >= 1, (group, name)
    assert figures["groups"]["all"]["bm25_baseline"]["top1"] >= 0.6
    assert figures["expected_missing"] == []


def test_eval_pools_the_queries_of_several_files(fixtures_db: Path, tmp_path: Path) -> None:
    """Held-out sets written in rounds are scored as one: the figures are those of one file holding
    every query."""
    rows = [*ANSWERABLE, ("how do I bake sourdough bread", None, "no-answer")]
    (tmp_path / "first").mkdir(), (tmp_path / "second").mkdir(), (tmp_path / "all").mkdir()
    first, second = write_queries(tmp_path / "first", rows[:3]), write_queries(tmp_path / "second", rows[3:])
    pooled = kb_eval(first, second, "--db", fixtures_db, "--format", "json")
    assert pooled.exit_code == 0, pooled.stderr
    whole = kb_eval(write_queries(tmp_path / "all", rows), "--db", fixtures_db, "--format", "json")
    assert json.loads(pooled.stdout) == json.loads(whole.stdout)
    assert json.loads(pooled.stdout)["groups"]["all"]["matcher"]["queries"] == len(rows)
    # An index lacking most of the answers is named with every file's name.
    elsewhere = write_queries(
        tmp_path / "second", [(f"query {n}", f"elsewhere-{n}.md", "pasted-error") for n in range(9)]
    )
    refused = kb_eval(first, elsewhere, "--db", fixtures_db)
    assert refused.exit_code == EXIT_USAGE
    assert f"lacks most of the answers {first}, {elsewhere} expect;" in " ".join(refused.stderr.split())


def test_eval_reports_confident_answers_right_and_wrong(fixtures_db: Path, tmp_path: Path) -> None:
    # The seed's own error, pasted whole, is answered first and with confidence; an off-topic
    # question is not: the columns the targets are about, per kind, in text and JSON.
    queries = write_queries(
        tmp_path,
        [
            (
                "Invalid value specified for property 'mailNickname' of resource 'User'.",
                "seed:jumpcloud-m365#R4",
                "pasted-error",
            ),
            ("how do I bake sourdough bread", None, "no-answer"),
        ],
    )
    figures = json.loads(kb_eval(queries, "--db", fixtures_db, "--format", "json").stdout)["groups"]
    ours = figures["pasted-error"]["matcher"]
    assert (ours["confident_right"], ours["confident_wrong"]) == (1.0, 0.0)
    assert figures["all"]["matcher"]["no_answer_silent"] == 1

    header, *rows = kb_eval(queries, "--db", fixtures_db).stdout.splitlines()
    columns = header.split("|")[0].split()
    assert columns[-6:] == ["conf-right", "conf-wrong", "high-wrong", "silent", "auc", "brier"]
    pasted = next(row for row in rows if row.startswith("pasted-error"))
    # One query, answered right: no wrong first answer to rank it against, so no AUC.
    assert pasted.split("|")[0].split()[-6:-1] == ["1.000", "0.000", "0.000", "-", "-"]
    # Its Brier score is the squared distance of the score `kb match` gives that answer from 1.
    paste = "Invalid value specified for property 'mailNickname' of resource 'User'."
    answer = CliRunner().invoke(cli, ["match", "--db", str(fixtures_db), "--format", "json", paste])
    score = json.loads(answer.stdout)["matches"][0]["score"]
    assert float(pasted.split("|")[0].split()[-1]) == round((1 - score) ** 2, 4) > 0


def test_confident_and_wrong_counts_medium_answers_and_high_wrong_only_high_ones() -> None:
    # The JSON keys mean what the table's columns say: "conf-wrong" is confident_wrong
    # (medium or high, and wrong), "high-wrong" is high_wrong.
    tally = Tally()
    wrong = [("other.md", "other#1")]
    tally.add(Labelled("q1", "q", "pasted-error", ["right.md"]), Ranked(wrong, confident=True, high=False))
    tally.add(Labelled("q2", "q", "pasted-error", ["right.md"]), Ranked(wrong, confident=True, high=True))
    tally.add(Labelled("q3", "q", "pasted-error", ["right.md"]), Ranked(wrong, confident=False, high=False))
    tally.add(
        Labelled("q4", "q", "pasted-error", ["right.md"]),
        Ranked([("right.md", "right#1")], confident=True, high=True),
    )
    figures = tally.figures()
    assert (figures["confident_right"], figures["confident_wrong"], figures["high_wrong"]) == (
        0.25,
        0.5,
        0.25,
    )


def test_eval_says_how_well_first_answers_probabilities_tell_right_from_wrong() -> None:
    # Three queries answered right with probabilities 0.9, 0.6 and 0.3; one answered wrong with
    # 0.6, one with no answer at all (0.0 given): of the 3 x 2 pairs of a right first answer and
    # another, the right one is higher in 4, tied in 1 (0.6 and 0.6) and lower in 1 (0.3 < 0.6):
    # AUC (4 + 0.5) / 6. Brier: (0.01 + 0.16 + 0.49 + 0.36 + 0) / 5.
    tally = Tally()
    right, wrong = [("right.md", "right#1")], [("other.md", "other#1")]
    for n, (answers, probability) in enumerate([(right, 0.9), (right, 0.6), (right, 0.3), (wrong, 0.6)]):
        tally.add(
            Labelled(f"q{n}", "q", "pasted-error", ["right.md"]), Ranked(answers, True, True, probability)
        )
    tally.add(Labelled("q5", "q", "no-answer", None), Ranked([], False, False, probability=0.0))
    figures = tally.figures()
    assert (figures["auc"], figures["brier"]) == (0.75, 0.204)
    # A system that gives no probabilities (a plain baseline) has neither figure.
    baseline = Tally()
    baseline.add(Labelled("q1", "q", "pasted-error", ["right.md"]), Ranked(right, True, True))
    assert (baseline.figures()["auc"], baseline.figures()["brier"]) == (None, None)
    assert probability_quality([(True, 0.8), (True, 0.7)]) == {"auc": None, "brier": 0.065}
    assert probability_quality([]) == {"auc": None, "brier": None}


def test_report_has_every_baseline_per_group(fixtures_db: Path, tmp_path: Path) -> None:
    report = evaluate(KnowledgeBase(fixtures_db), load_queries(write_queries(tmp_path, ANSWERABLE))).as_dict()
    for pair in report.values():
        assert set(pair) == {"matcher", *BASELINES}
        assert pair["bm25_baseline"]["queries"] == pair["matcher"]["queries"]


def test_coverage_counts_missing_articles_and_seed_problems(fixtures_db: Path, tmp_path: Path) -> None:
    rows = [
        ("q", "methods.md", "x"),
        ("q", "seed:jumpcloud-m365#R4", "x"),
        ("q", "seed:jumpcloud-m365#R9", "x"),
        ("q", "not-indexed.md", "x"),
        ("q", None, "no-answer"),
    ]
    covered = coverage(KnowledgeBase(fixtures_db), load_queries(write_queries(tmp_path, rows)))
    assert covered.missing == ["not-indexed.md", "seed:jumpcloud-m365#R9"]
    assert len(covered.expected) == 4
    assert not covered.mostly_missing
    assert covered.describe().startswith("2 of 4 expected answers are not in the index")


def test_an_expected_answer_may_name_a_file_by_its_path_in_its_folder() -> None:
    # Two folders with a file of one name ("zendesk/faq.html", "confluence/faq.html") were told apart
    # by nothing: only the bare name was understood, and a path named no article at all.
    assert is_right(["zendesk/faq.html"], "zendesk/faq.html", "zendesk-faq#1")
    assert is_right(["faq.html"], "zendesk/faq.html", "zendesk-faq#1")
    assert is_right(["zendesk/faq.html"], "help/zendesk/faq.html", "help-zendesk-faq#1")
    assert not is_right(["confluence/faq.html"], "zendesk/faq.html", "zendesk-faq#1")
    assert not is_right(["desk/faq.html"], "zendesk/faq.html", "zendesk-faq#1")


def test_eval_refuses_to_score_an_index_lacking_most_expected_articles(
    fixtures_db: Path, tmp_path: Path
) -> None:
    rows = [*ANSWERABLE[:1], *((f"query {n}", f"elsewhere-{n}.md", "pasted-error") for n in range(4))]
    result = kb_eval(write_queries(tmp_path, rows), "--db", fixtures_db)
    assert result.exit_code == EXIT_USAGE
    assert result.stdout == ""
    assert "4 of 5 expected answers are not in the index" in result.stderr
    assert "not scoring" in result.stderr


def test_eval_notes_a_few_missing_articles_and_still_scores(fixtures_db: Path, tmp_path: Path) -> None:
    rows = [*ANSWERABLE, ("query", "elsewhere.md", "pasted-error")]
    result = kb_eval(write_queries(tmp_path, rows), "--db", fixtures_db)
    assert result.exit_code == 0
    assert "1 of 6 expected answers are not in the index (elsewhere.md)" in result.stderr
    assert result.stdout.startswith("kind")


def test_eval_names_the_queries_with_no_expected_field(fixtures_db: Path, tmp_path: Path) -> None:
    """A misspelled field ("expect") reads as no "expected" at all, which counts as no answer."""
    queries = write_queries(tmp_path, ANSWERABLE)
    lines = queries.read_text(encoding="utf-8").splitlines()
    lines[1] = lines[1].replace('"expected"', '"expect"')
    lines[3] = json.dumps({"id": "q3", "query": "The file is not a valid CSV file"})
    queries.write_text("\n".join(lines) + "\n", encoding="utf-8")
    result = kb_eval(queries, "--db", fixtures_db)
    assert result.exit_code == 0
    assert 'kb: note: 2 queries with no "expected" field, counted as having no answer (null): q1, q3' in (
        result.stderr
    )
    clean = kb_eval(write_queries(tmp_path, ANSWERABLE), "--db", fixtures_db)
    assert '"expected"' not in clean.stderr


@pytest.mark.parametrize(
    "line",
    [
        "not json",
        '{"id": "q1"}',
        "[1, 2]",
        '{"id": "q1", "query": "x", "expected": 5}',
        '{"id": "q1", "query": "x", "expected": [5]}',
        "[" * 100_000,
        # Each was scored: under groups named by Python's spelling of a list, as a query that is
        # always wrong, or as a query no front end takes.
        '{"id": "q1", "query": "x", "kind": ["pasted-error"]}',
        '{"id": "q1", "query": "x", "expected": []}',
        '{"id": "q1", "query": " ", "expected": null}',
        '{"id": [1], "query": "x", "expected": null}',
    ],
)
def test_eval_a_bad_query_file_is_a_usage_error(fixtures_db: Path, tmp_path: Path, line: str) -> None:
    queries = tmp_path / "bad.jsonl"
    queries.write_text(json.dumps({"id": "q0", "query": "x", "expected": None}) + "\n" + line + "\n")
    result = kb_eval(queries, "--db", fixtures_db)
    assert result.exit_code == EXIT_USAGE
    assert f"{queries}:2: not a labelled query" in result.stderr


def test_eval_names_every_bad_line_in_words(fixtures_db: Path, tmp_path: Path) -> None:
    queries = tmp_path / "bad.jsonl"
    queries.write_text('[1]\n{"id": "q0", "query": "x", "expected": null}\n{"id": ' + "9" * 5000 + "}\n")
    result = kb_eval(queries, "--db", fixtures_db)
    assert result.exit_code == EXIT_USAGE
    assert result.stderr.splitlines()[-3:] == [
        f'kb: {queries}:1: not a labelled query: expected an object {{"id", "query", "expected"}}, got list',
        f"{queries}:3: not a labelled query: not JSON that can be read: a number of more than 4,300 digits",
        "nothing was scored",
    ]


def test_eval_a_query_with_an_empty_kind_is_scored_as_of_no_kind(tmp_path: Path) -> None:
    queries = tmp_path / "kinds.jsonl"
    queries.write_text('{"id": "q0", "query": "x", "expected": null, "kind": ""}\n')
    assert [q.kind for q in load_queries(queries)] == ["unknown"]


def test_eval_a_query_file_saved_with_a_byte_order_mark_is_read(tmp_path: Path) -> None:
    queries = tmp_path / "bom.jsonl"
    queries.write_text(
        '{"id": "q0", "query": "x", "expected": null, "kind": "no-answer"}\n', encoding="utf-8-sig"
    )
    assert [q.id for q in load_queries(queries)] == ["q0"]


@pytest.mark.parametrize("content", ["", "\n\n"])
def test_eval_a_query_file_with_no_query_is_a_usage_error(
    fixtures_db: Path, tmp_path: Path, content: str
) -> None:
    # It printed the table's header alone and exited 0.
    queries = tmp_path / "empty.jsonl"
    queries.write_text(content)
    result = kb_eval(queries, "--db", fixtures_db)
    assert result.exit_code == EXIT_USAGE
    assert f"{queries}: holds no labelled query" in result.stderr and result.stdout == ""


def test_eval_a_query_file_that_is_not_utf8_is_a_usage_error(fixtures_db: Path, tmp_path: Path) -> None:
    queries = tmp_path / "latin1.jsonl"
    # Past the first lines: it was decoded in pieces, and the byte named was within a piece.
    good = b'{"id": "q0", "query": "cafe", "expected": null}\n' * 300
    queries.write_bytes(good + b'{"id": "q1", "query": "caf\xe9", "expected": null}\n')
    result = kb_eval(queries, "--db", fixtures_db)
    assert result.exit_code == EXIT_USAGE
    assert f"{queries}:301: not UTF-8 (invalid continuation byte at byte 26 of the line)" in result.stderr


def test_eval_a_line_longer_than_any_query_is_a_usage_error(fixtures_db: Path) -> None:
    # The whole file was read at once: `kb eval /dev/zero` filled the memory.
    result = kb_eval(Path("/dev/zero"), "--db", fixtures_db)
    assert result.exit_code == EXIT_USAGE
    assert "/dev/zero:1: longer than" in result.stderr


def _offered_formats(help_text: str) -> set[str]:
    """The formats a --format help line describes ("Output format: md (...), json (...).")."""
    line = " ".join(help_text.split())
    described = re.search(r"Output format: (.*?)\.\s+\[default", line)
    assert described, line
    return set(re.findall(r"(?:^|, )(\w+) \(", described.group(1)))


@pytest.mark.parametrize(
    "name", sorted(n for n, c in kb_commands().items() if any(p.name == "fmt" for p in c.params))
)
def test_format_help_names_exactly_the_accepted_formats(name: str) -> None:
    command = kb_commands()[name]
    option = next(p for p in command.params if p.name == "fmt")
    assert isinstance(option.type, click.Choice)
    out = CliRunner().invoke(cli, [name, "--help"]).stdout
    assert _offered_formats(out) == set(option.type.choices), name


def test_eval_help_offers_only_text_and_json_and_documents_its_exit_codes() -> None:
    out = CliRunner().invoke(cli, ["eval", "--help"]).stdout
    assert "md (Markdown)" not in out
    assert kb_eval(Path(__file__), "--format", "md").exit_code == EXIT_USAGE
    codes = out[out.index("Exit codes") :]
    assert re.search(r"^\s+0\s+scored", codes, re.M)
    assert re.search(r"^\s+2\s+usage error.*\n.*expect", codes, re.M)
    assert re.search(r"^\s+3\s+index missing", codes, re.M)
    assert "no confident match" not in codes  # kb match's code 1 does not apply to eval


def test_baselines_on_the_dev_set(full_kb: KnowledgeBase, dev_queries: Path) -> None:
    """Both baselines answer most dev queries: they are real floors, not placeholders."""
    overall = evaluate(full_kb, load_queries(dev_queries)).as_dict()["all"]
    for name in BASELINES:
        assert overall[name]["top1"] >= 0.75, name
        assert overall[name]["no_answer_silent"] == 0, name
