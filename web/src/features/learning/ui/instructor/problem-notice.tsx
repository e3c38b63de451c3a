/** learn-api could not answer: said in place of what the screen would have shown. */
export function ProblemNotice(props: { problem: string }) {
  return (
    <p className="notice error" role="alert">
      {props.problem}
    </p>
  );
}
