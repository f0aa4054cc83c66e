// The challenge server's refusals (docs/API.md, error codes), shown by apiErrorText as api.err.<code>:
// name claims, rosters, storage that cannot keep a write, bodies that are not UTF-8, removed entries.
// `zh` defines the keys; `en` has the same ones.
export const zh = {
  "api.err.name_claimed": "这个名字已被更早的一次提交占用。请在第一次提交的那个浏览器里提交，或请讲师重置这个名字。",
  "api.err.not_on_roster": "这个名字不在本班名单上。请按讲师登记的名字填写。",
  "api.err.storage_unavailable": "服务器暂时无法保存提交（存储故障），这次提交没有保存。请稍后再提交。",
  "api.err.invalid_encoding": "请求的文字编码不是 UTF-8，服务器拒收。",
  "api.err.submission_removed": "讲师已删除这次提交，不能再次提交同一记录。",
};

export const en: Record<keyof typeof zh, string> = {
  "api.err.name_claimed":
    "This name was taken by an earlier submission. Submit from the browser you first submitted from, or ask the instructor to reset the name.",
  "api.err.not_on_roster": "This name is not on the class roster. Use your name as the instructor listed it.",
  "api.err.storage_unavailable":
    "The server cannot store submissions right now (a storage fault); this one was not saved. Submit again later.",
  "api.err.invalid_encoding": "The request was not UTF-8 text; the server refused it.",
  "api.err.submission_removed": "The instructor removed this submission; the same run cannot be sent again.",
};
