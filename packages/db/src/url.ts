/** Swap the database name in a connection string (TCP URL or the embedded server's socket form). */
export function withDatabaseName(url: string, db: string): string {
  const socketForm = /^(postgres(?:ql)?:\/\/[^@/]*@)\/[^?]*(\?.*)?$/.exec(url);
  if (socketForm) return `${socketForm[1]}/${db}${socketForm[2] ?? ''}`;
  const u = new URL(url);
  u.pathname = `/${db}`;
  return u.toString();
}
