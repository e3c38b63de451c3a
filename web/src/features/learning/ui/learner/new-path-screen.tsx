import Link from 'next/link';
import { NewPathForm } from './new-path-form';
import './learning.css';

/** `/learning/new`: ask for a personal path about anything in the course material. */
export function NewPathScreen() {
  return (
    <>
      <p className="muted">
        <Link href="/learning">Learning</Link> › New path
      </p>
      <h1>Learn something new</h1>
      <p>
        Say what you want to learn. LearnTrac finds it in the course material and lays out the
        concepts in the order to learn them, with questions to check each one.
      </p>
      <NewPathForm />
    </>
  );
}
