export default function Forbidden() {
  return (
    <>
      <h1>Forbidden</h1>
      <p className="notice error">Your account does not have permission to see this page.</p>
    </>
  );
}
