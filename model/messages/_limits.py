"""Messages of the parse limits and the issued-template record (model/reporting/files.py, _sheets.py,
template.py): a file that needs too much memory or time, an upload waiting for its turn, a template this
store did not issue."""

MESSAGES: dict[str, tuple[str, str]] = {
    # --- the capped parse ---------------------------------------------------------------------------
    "lim.parse.memory": (
        "ファイルの読み取りに必要なメモリが上限（{limit}）を超えました。ファイルの中身が見かけより非常に"
        "大きい（圧縮された巨大なシートや、極端に長いセルなど）可能性があります。"
        "ダウンロードした様式に、必要な行と文章だけを記入して保存し直してください。",
        "Reading the file needed more memory than allowed ({limit}). Its content is far larger than the "
        "file looks (a compressed giant sheet, an extremely long cell). Fill in the downloaded template "
        "with only the rows and text needed, and save it again.",
    ),
    "lim.parse.time": (
        "ファイルの読み取りが制限時間（{seconds}秒）内に終わりませんでした。"
        "ダウンロードした様式に、必要な行と文章だけを記入して保存し直してください。",
        "Reading the file did not finish within {seconds} seconds. Fill in the downloaded template with "
        "only the rows and text needed, and save it again.",
    ),
    "lim.parse.crash": (
        "ファイルの読み取り処理が途中で異常終了しました（{how}）。メモリや時間の上限によるものではありません。"
        "ファイルが壊れているか、細工されている可能性があります。ダウンロードした様式に記入して保存し直し、"
        "それでも同じ場合は事務局にお知らせください。",
        "Reading the file stopped abnormally ({how}); not because of the memory or time limit. The file "
        "may be damaged or crafted. Fill in the downloaded template and save it again; if this happens "
        "again, tell the secretariat.",
    ),
    "lim.parse.busy": (
        "ほかのファイルの読み取りが混み合っているため、このファイルを読み取れませんでした。"
        "しばらくしてから、もう一度アップロードしてください。",
        "The server is busy reading other files and could not read this one. Upload it again in a "
        "few minutes.",
    ),
    "lim.parse.waiting": (
        "ほかのファイルを読み取っています。順番が来るまでお待ちください（このページはそのままで構いません）。",
        "Other files are being read. Yours is waiting for its turn (keep this page open).",
    ),
    "lim.zip.understated": (
        "ファイルの構成要素「{part}」が、記録された大きさ（{size} バイト）より大きく展開されます。"
        "ファイルが壊れているか、細工されています。ダウンロードした様式に記入し、保存し直してください。",
        "The file's part “{part}” expands beyond the size it declares ({size} bytes): the file is damaged "
        "or crafted. Fill in the downloaded template and save it again.",
    ),
    # --- the issued-template record ------------------------------------------------------------------
    "lim.tpl.no_id": (
        "この様式には発行番号がありません（古い形式の様式です）。"
        "「様式を作成」から新しい様式をダウンロードし、記入し直してください。",
        "This template has no issue number (it is of an older kind). Download a new template with "
        "“Make the template” and fill that in.",
    ),
    "lim.tpl.unknown": (
        "様式の発行番号「{value}」は、このシステムが発行したものではありません（書き換えられたか、別の"
        "システムの様式です）。「様式を作成」から様式をダウンロードし直し、記入してください。",
        "The template's issue number “{value}” was not issued by this system (it was edited, or the "
        "template comes from another installation). Download the template again with “Make the "
        "template” and fill that in.",
    ),
}
