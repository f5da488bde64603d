"""Messages of login sessions and passwords (model/sessions.py, model/auth.py change/reset, the account
page and `python -m model user passwd|reset-password`)."""

MESSAGES: dict[str, tuple[str, str]] = {
    "err.pw.wrong_current": (
        "現在のパスワードが違います。確認して入力し直してください。",
        "The current password is wrong: check it and try again.",
    ),
    "err.pw.same": (
        "新しいパスワードが現在のものと同じです。別のパスワードにしてください。",
        "The new password is the same as the current one: choose another.",
    ),
    "err.pw.mismatch": (
        "新しいパスワードと確認用の入力が一致しません。同じものを2回入力してください。",
        "The new password and its repetition differ: type the same password twice.",
    ),
    "pw.changed": (
        "パスワードを変更しました。ほかの場所でのログイン {n} 件を終了しました。",
        "Password changed. {n} other logins of this account were ended.",
    ),
    "pw.reset": (
        "ユーザー「{user}」のパスワードを再設定しました。そのユーザーのログイン {n} 件を終了しました。",
        "Reset the password of “{user}”; {n} of that user's logins were ended.",
    ),
    "ses.page": ("アカウント", "Account"),
    "ses.change.title": ("パスワードの変更", "Change your password"),
    "ses.change.current": ("現在のパスワード", "Current password"),
    "ses.change.new": ("新しいパスワード", "New password"),
    "ses.change.repeat": ("新しいパスワード（確認）", "New password (again)"),
    "ses.change.submit": ("パスワードを変更", "Change password"),
    "ses.change.help": (
        "{n}文字以上。覚えやすい長い語句がおすすめです。変更すると、ほかの端末やブラウザでのログインは終了します。",
        "{n} characters or more; a long phrase you can remember is best. Changing it ends your logins "
        "elsewhere.",
    ),
    "ses.change.oidc": (
        "組織アカウントでログインしています。パスワードは組織のアカウント管理で変更してください。",
        "You are logged in with your organisation account: change its password where your organisation "
        "manages it.",
    ),
    "ses.reset.title": ("パスワードの再設定", "Reset a password"),
    "ses.reset.submit": ("パスワードを再設定", "Reset password"),
    "ses.idle.warning": (
        "操作がないため、{time} にログインが終了します。続ける場合は「ログインを続ける」を押してください。",
        "Without activity your login ends at {time}. Press “Stay logged in” to continue.",
    ),
    "ses.idle.keep": ("ログインを続ける", "Stay logged in"),
    "ses.ended": (
        "ログインが終了しました（一定時間操作がなかったか、ログアウトされました）。もう一度ログインしてください。",
        "Your login has ended (no activity for a while, or logged out). Please log in again.",
    ),
    "ses.redirect": ("ログインしています…", "Logging in…"),
    "ses.oidc.expired": (
        "組織アカウントのログインの有効期限が切れました。もう一度ログインしてください。",
        "Your organisation login has expired. Please log in again.",
    ),
    "cli.pw.current": ("現在のパスワード: ", "current password: "),
    "cli.pw.new": ("新しいパスワード: ", "new password: "),
    "cli.pw.repeat": ("新しいパスワード（確認）: ", "new password (again): "),
}
