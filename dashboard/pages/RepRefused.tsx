/** A rep signed in with a password: the dashboard is not for them, and the page says what is. */
export function RepRefused({ message, signOut }: { message: string; signOut(): Promise<void> }) {
  return (
    <main className="center-page" id="main">
      <div className="card stack narrow" data-testid="rep-refused" role="alert">
        <h1>The dashboard is for marketing and admins</h1>
        <p>{message}</p>
        <p className="muted">Your verdicts and questions reach marketing from the Leadside extension beside the CRM record.</p>
        <div>
          <button type="button" className="btn" onClick={() => void signOut()}>
            Back to sign-in
          </button>
        </div>
      </div>
    </main>
  );
}
