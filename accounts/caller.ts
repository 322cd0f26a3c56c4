/** Who is calling, as an edge authenticated them (a session, a Service-mode token, an operator). */
export interface Caller {
  userId: string;
  email: string;
  operator: boolean;
}
