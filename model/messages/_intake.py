"""Messages of the intake rule for text (model/text.py): what a ministry sees when a cell is refused.

The characters refused are invisible in Excel, so each message says which one, where in the cell, and
how to get rid of it.
"""

MESSAGES: dict[str, tuple[str, str]] = {
    "up.text.control": (
        "{column}の{pos}文字目（{near}）に、受け付けられない制御文字 {char} があります。"
        "画面には見えない文字です。セルの文章を入力し直すか、その文字を削除してください"
        "（改行は Alt+Enter で入力できます）。",
        "{column} holds a character that cannot be accepted, {char}, at character {pos} ({near}). "
        "It does not show on screen: retype the cell's text or delete that character "
        "(a line break is typed with Alt+Enter).",
    ),
    "up.text.after": ("「{text}」の直後", "after “{text}”"),
    "up.text.at_start": ("セルの先頭", "at the start of the cell"),
    "up.text.too_long": (
        "{column}が長すぎます（{n}文字、上限{limit}文字）。{limit}文字以内にまとめてください。",
        "{column} is too long ({n} characters; the limit is {limit}). Shorten it to {limit} characters.",
    ),
    "err.withdraw.note_refused": (
        "取り下げの理由に、受け付けられない制御文字 {char} が含まれています。その文字を削除してください。",
        "The reason for the withdrawal holds a character that cannot be accepted, {char}. Delete it.",
    ),
    "err.withdraw.note_too_long": (
        "取り下げの理由が長すぎます（{n}文字、上限{limit}文字）。",
        "The reason for the withdrawal is too long ({n} characters; the limit is {limit}).",
    ),
    "up.kpi.seed_value": (
        "{goal}（{date}）の値は公表済みの値です。"
        "変更は事務局に依頼してください（この行は空欄に戻してください）。",
        "{goal} ({date}) is a published value: ask the secretariat to change it (and clear this row).",
    ),
    "up.kpi.other_ministry": (
        "{goal}（{date}）の値は{who}が報告したものです。"
        "変更は{who}か事務局に依頼してください（この行は空欄に戻してください）。",
        "{goal} ({date}) was reported by {who}: "
        "ask {who} or the secretariat to change it (and clear this row).",
    ),
}
