"""Bad input stops with a message that names the file; odd but valid input is read."""

import subprocess
import sys

import pytest

from data_prep import SEEDS_DIR
from data_prep.errors import InputError
from data_prep.load import read_text

SEED = SEEDS_DIR / "000_c63fa3f7ffda9a0e.txt"


def test_reads_utf8_seed():
    text, encoding = read_text(SEED)
    assert encoding == "utf-8"
    assert "准东开发区打造现代煤化工产业示范区纪实" in text


def test_reads_gbk_file(tmp_path):
    path = tmp_path / "gbk.txt"
    text = "准东开发区已建成电解铝产能296.6万吨，工业硅产能52万吨。\n"
    path.write_bytes(text.encode("gbk"))
    assert read_text(path) == (text, "gb18030")


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"", "empty"),
        (b"  \n\n \t", "empty"),
        (bytes(range(256)) * 4, "binary"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary"),
        ("准东开发区累计投资规模达到833亿元".encode()[:-2], "truncated"),
        ("准东".encode() + b"\xff\xfe\xfd" + "开发区".encode() * 3, "neither UTF-8"),
    ],
)
def test_refuses_bad_input_naming_the_file(tmp_path, content, message):
    path = tmp_path / "bad-report.txt"
    path.write_bytes(content)
    with pytest.raises(InputError) as raised:
        read_text(path)
    assert "bad-report.txt" in str(raised.value)
    assert message in str(raised.value)


def test_missing_file_names_the_file(tmp_path):
    with pytest.raises(InputError, match=r"nowhere\.txt"):
        read_text(tmp_path / "nowhere.txt")


def run_cli(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "data_prep", *args], capture_output=True, text=True, timeout=120
    )


def test_figures_command_exits_1_on_unreadable_input(tmp_path):
    path = tmp_path / "empty.txt"
    path.write_bytes(b"")
    result = run_cli("figures", str(path))
    assert result.returncode == 1
    assert "empty.txt" in result.stderr
    assert "Traceback" not in result.stderr


def test_figures_command_prints_header_only_for_text_without_quantities(tmp_path):
    path = tmp_path / "plain.txt"
    path.write_text("准东开发区召开座谈会，交流深入务实。\n", encoding="utf-8")
    result = run_cli("figures", str(path))
    assert result.returncode == 0
    assert result.stdout.splitlines()[0].startswith("source,article,role,raw,value")
    assert len(result.stdout.splitlines()) == 1


def test_figures_command_reads_a_gbk_report(tmp_path):
    path = tmp_path / "gbk.txt"
    path.write_bytes("新疆今年将筹集各类保障性住房2.59万套。\n".encode("gbk"))
    result = run_cli("figures", str(path))
    assert result.returncode == 0
    assert "2.59万套,25900," in result.stdout
