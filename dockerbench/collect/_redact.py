"""Secret values out of everything the collectors store: one module, used by every collector.

What is redacted, wherever it appears (image history, labels, health checks, process command
lines, dockerd's argv and defaults file, daemon.json, ``docker exec`` audit records):

* the value of a secret-looking name: ``DB_PASSWORD=…``, ``--password=…``, ``--token …``,
  ``"api_key": "…"``, a label or daemon.json key such as ``splunk-token``;
* credentials in URLs (``https://user:…@host``, ``https://…@host``);
* ``Authorization:``-style headers (``Authorization: Bearer …``, ``X-Api-Key: …``);
* PEM blocks (``-----BEGIN … PRIVATE KEY-----`` … ``-----END …-----``), unterminated ones too;
* the password options of common tools: ``curl -u user:…``, ``mysql -p…``, ``sshpass -p …``,
  ``redis-cli -a …``, ``docker login -p …``.

Names and commands stay, so a policy still sees ``RUN apt-get update`` or the key a label
sets. When a value's end is ambiguous, more is redacted, never less: in a command line whose
arguments were joined with blanks (``ps`` output), a secret value runs up to the next option
(``-x``) or ``NAME=`` rather than the next blank.
"""

from __future__ import annotations

import re
from typing import Any

REDACTED = "<redacted>"

# Words that make a name secret-looking. Over-matching costs a redacted harmless value; under-
# matching leaks one, so the list errs wide ("pass" catches DB_PASS and --passphrase).
_SECRET_WORD = (
    r"(?:pass(?!ive)|pwd|token|secret|credential|cookie|signature|private|api[-_.]?key|access[-_.]?key"
    r"|session[-_.]?(?:id|key)|auth(?!or)|(?:^|[-_.])key$|(?:^|[-_.])dsn$|conn(?:ection)?[-_.]?str)"
)
_SECRET_NAME = re.compile(_SECRET_WORD, re.IGNORECASE)

# A name as it appears before "=": anything without blanks, quotes or "=" (not only identifiers:
# `ARG "<x>_PASSWORD"=v` names a secret too), optionally quoted, optionally dashed (an option).
_NAME = r"(?P<name>\"[^\"\n]*\"|'[^'\n]*'|-{0,2}[^\s=\"'`;|&()<>]+)"
_ASSIGNMENT = re.compile(rf"(?:^|(?<=[\s,;(]))(?P<lead>{_NAME}=)")
# "name": "value" / 'name': 'value' (JSON or YAML written by a command).
_QUOTED_KEY = re.compile(r"(?P<lead>(?P<q>[\"'])(?P<name>[^\"'\n]{1,200})(?P=q)\s*:\s*)"
                         r"(?P<value>\"[^\"]*\"?|'[^']*'?|[^\s,}]+)")
# A dashed option followed by its value as the next word: `--password hunter2`.
_SPACED_OPTION = re.compile(r"(?:^|(?<=\s))(?P<lead>(?P<name>--?[A-Za-z][\w.-]*)\s+)(?P<value>(?![-\s])\S+)")
_URL_USERINFO = re.compile(r"(?i)(?P<scheme>\b[a-z][a-z0-9+.-]*://)(?P<userinfo>[^\s@\"']+)@")
_HEADER = re.compile(
    r"(?i)(?P<lead>\b(?:proxy-)?authorization\s*[:=]\s*(?:(?:basic|bearer|digest|token|negotiate|aws4-hmac-sha256)\s+)?"
    r"|\b(?:x-api-key|x-auth-token|private-token|x-vault-token|cookie|x-amz-security-token)\s*[:=]\s*)"
    r"(?P<value>[^\s\"']+)")
_PEM = re.compile(r"(?P<begin>-----BEGIN (?P<label>[A-Z0-9 ]{1,60})-----)(?P<body>.*?)"
                  r"(?P<end>-----END (?P=label)-----|\Z)", re.S)
# Tool options that carry a password without a secret-looking name.
_TOOL_PASSWORD = [
    re.compile(r"(?P<lead>\bcurl\b[^|;&\n]*?\s(?:-u|--user|-U|--proxy-user)\s*(?P<q>[\"']?)[^\s:\"']*:)(?P<value>[^\s\"']+)"),
    re.compile(r"(?P<lead>\b(?:mysql|mysqldump|mysqladmin|mariadb|mariadb-dump)\b[^|;&\n]*?\s-p)(?P<value>[^\s\"']+)"),
    re.compile(r"(?P<lead>\b(?:sshpass|login)\b[^|;&\n]*?\s-p\s*)(?P<value>[^\s\"'-][^\s\"']*)"),
    re.compile(r"(?P<lead>\bredis-cli\b[^|;&\n]*?\s-a\s*)(?P<value>[^\s\"'-][^\s\"']*)"),
]
# Where a value in a blank-joined command line may end: before an option or another NAME=.
_JOINED_VALUE_END = re.compile(r"\s(?=-|[^\s=]+=)")
# Where an unquoted value ends in a shell command: a blank or an operator.
_SHELL_VALUE_END = re.compile(r"[\s;|&)]")


def is_secret_name(name: str) -> bool:
    """Whether a variable, option, label or key name looks like it holds a secret."""
    return bool(_SECRET_NAME.search(name.strip("-\"'")))


def text(value: str, *, joined: bool = False) -> str:
    """Free text (a shell command, a label value, a history line) with secret values replaced.

    ``joined`` is for command lines whose arguments were joined with blanks (``ps`` output):
    a secret value there may hold blanks, so it runs up to the next option or ``NAME=``.
    """
    if not value:
        return value
    value = _PEM.sub(lambda m: m["begin"] + REDACTED + m["end"], value)
    value = _HEADER.sub(lambda m: m["lead"] + REDACTED, value)
    value = _URL_USERINFO.sub(_url_userinfo, value)
    for pattern in _TOOL_PASSWORD:
        value = pattern.sub(lambda m: m["lead"] + REDACTED, value)
    value = _QUOTED_KEY.sub(lambda m: m["lead"] + REDACTED if is_secret_name(m["name"]) else m[0], value)
    value = _redact_assignments(value, joined)
    return _SPACED_OPTION.sub(lambda m: m["lead"] + REDACTED if is_secret_name(m["name"]) else m[0], value)


def created_by(line: str) -> str:
    """An image history line: every ENV/ARG/build-arg value replaced, then secrets in the command.

    Key names and the command stay: ``|1 TOKEN=s3cr3t /bin/sh -c make`` becomes
    ``|1 TOKEN=<redacted> /bin/sh -c make``. History does not quote values and they may hold
    blanks, so a value runs up to the next ``NAME=``; the last build arg's value runs up to the
    shell command (``/bin/sh -c``). An exec-form RUN has none, so its text after the last build
    arg is redacted whole (value and command cannot be told apart). A value containing
    `` NAME=`` shows that NAME, never a value.
    """
    if match := _HISTORY_ASSIGNING.match(line):
        return match["lead"] + _history_assignments(match["body"])
    if match := _HISTORY_BUILD_ARGS.match(line):
        return match["lead"] + _history_build_args(match["rest"])
    return text(line)


def argv(args: list[str]) -> list[str]:
    """An argument vector with secret values replaced; ``--password VALUE`` redacts VALUE."""
    out: list[str] = []
    hide_next = False
    for arg in args:
        if hide_next and not arg.startswith("-"):
            out.append(REDACTED)
            hide_next = False
            continue
        hide_next = arg.startswith("-") and "=" not in arg and is_secret_name(arg)
        out.append(_argument(arg))
    return out


def mapping(values: dict[str, str]) -> dict[str, str]:
    """Labels, variables: a secret-looking key's value replaced whole, every other value as text."""
    return {k: REDACTED if v and is_secret_name(k) else text(v) for k, v in values.items()}


def json_value(value: Any) -> Any:
    """A parsed JSON document (daemon.json): secret-looking keys' scalar values, and text, redacted."""
    if isinstance(value, dict):
        return {k: REDACTED if is_secret_name(k) and isinstance(v, (str, int, float)) and not isinstance(v, bool)
                else json_value(v) for k, v in value.items()}
    if isinstance(value, list):
        return [json_value(v) for v in value]
    return text(value) if isinstance(value, str) else value


def _argument(arg: str) -> str:
    """One argv element: ``NAME=value`` with a secret name loses the whole value (blanks included)."""
    name, eq, rest = arg.partition("=")
    if eq and rest and is_secret_name(name) and " " not in name:
        return f"{name}={REDACTED}"
    return text(arg, joined=True)


# ENV/ARG as the legacy builder ("/bin/sh -c #(nop)  ENV A=1 B=2") or BuildKit ("ENV A=1") records it.
_HISTORY_ASSIGNING = re.compile(r"^(?P<lead>(?:/bin/sh -c #\(nop\)\s+)?(?:ENV|ARG)\s+)(?P<body>.*)$", re.S)
# RUN with build args: legacy "|2 A=x B=y /bin/sh -c cmd", BuildKit "RUN |2 A=x B=y /bin/sh -c cmd # buildkit".
_HISTORY_BUILD_ARGS = re.compile(r"^(?P<lead>(?:RUN\s+)?\|\d+\s+)(?P<rest>.*)$", re.S)
# A key as history writes it: any text without blanks or "=" (`"<x>_PASSWORD"` included).
_HISTORY_KEY = re.compile(r"(?:^|(?<=\s))(\"[^\"]*\"|'[^']*'|[^\s=]+)=")
_HISTORY_NEXT_KEY = re.compile(r"\s(?=(?:\"[^\"]*\"|'[^']*'|[^\s=]+)=)")
# Where the command starts after the last build arg: a shell invocation "/bin/sh -c".
_SHELL_COMMAND = re.compile(r"\s(?=/\S*(?:\s+\S+)*?\s-c(?:\s|$))")
_BUILDKIT_MARK = " # buildkit"


def _history_assignments(body: str) -> str:
    """'A=1 B=two words' -> 'A=<redacted> B=<redacted>'; old 'ENV A value' -> 'A <redacted>'."""
    keys = _HISTORY_KEY.findall(body)
    if keys:
        return " ".join(f"{key}={REDACTED}" for key in keys)
    name, _, value = body.strip().partition(" ")
    return f"{name} {REDACTED}" if value.strip() else body


def _history_build_args(rest: str) -> str:
    """The leading 'NAME=value' pairs of ``rest`` redacted; the shell command after them kept."""
    keys: list[str] = []
    position = 0
    command: re.Match[str] | None = None
    while match := _HISTORY_KEY.match(rest, position):
        keys.append(match[1])
        following = _HISTORY_NEXT_KEY.search(rest, match.end())
        command = _SHELL_COMMAND.search(rest, match.end())
        if following and (command is None or following.start() < command.start()):
            position = following.end()
            continue
        break
    if not keys:  # not the shape we know: keep nothing before the command
        command = _SHELL_COMMAND.search(rest)
    redacted = " ".join(f"{key}={REDACTED}" for key in keys) or REDACTED
    if command is None:  # exec form: the value may run into the command; keep neither
        return redacted + (_BUILDKIT_MARK if rest.endswith(_BUILDKIT_MARK) else "")
    return f"{redacted} {text(rest[command.end():])}"


def _url_userinfo(m: re.Match[str]) -> str:
    user, colon, _ = m["userinfo"].partition(":")
    return f"{m['scheme']}{user}:{REDACTED}@" if colon else f"{m['scheme']}{REDACTED}@"


def _redact_assignments(value: str, joined: bool) -> str:
    """Each ``NAME=value`` with a secret-looking NAME, its value replaced (quotes respected)."""
    parts: list[str] = []
    position = 0
    for m in _ASSIGNMENT.finditer(value):
        if m.start() < position or not is_secret_name(m["name"]):
            continue
        start = m.end()
        end = _value_end(value, start, joined)
        if end > start and value[start:end] != REDACTED:
            parts += [value[position:start], REDACTED]
            position = end
    parts.append(value[position:])
    return "".join(parts)


def _value_end(value: str, start: int, joined: bool) -> int:
    """Where a value starting at ``start`` ends: its closing quote, else a blank (see ``text``)."""
    if start < len(value) and value[start] in "\"'":
        close = value.find(value[start], start + 1)
        return len(value) if close < 0 else close + 1
    if joined:
        m = _JOINED_VALUE_END.search(value, start)
        return m.start() if m else len(value)
    m = _SHELL_VALUE_END.search(value, start)
    return m.start() if m else len(value)

