/**
 * The inventory before its first task: what the inventory is for, and the three ways to start it
 * (the template, a time-tracker export, by hand), each with its action at hand.
 */
import { Link } from '../../../app/router.tsx';

export function EmptyInventory({ onAdd }: { onAdd: () => void }) {
  return (
    <section className="empty empty-inventory" aria-labelledby="empty-inventory-title">
      <div className="empty-icon" aria-hidden="true">
        <svg
          width="40"
          height="40"
          viewBox="0 0 24 24"
          fill="none"
          stroke="currentColor"
          strokeWidth="1.6"
          aria-hidden="true"
        >
          <rect x="4" y="3" width="16" height="18" rx="2" />
          <path d="M8 8h8M8 12h8M8 16h5" strokeLinecap="round" />
        </svg>
      </div>
      <h2 id="empty-inventory-title">Your inventory is empty</h2>
      <div className="empty-body">
        <p>
          Step 1 of the method is the firm’s master list: every task, who does it, how often and how long, and
          so what it costs a year. The ranking of what to out-task, the standard procedures and the briefs for
          out-taskers all start from it. Start it one of three ways:
        </p>
      </div>
      <ul className="start-options">
        <li className="start-option">
          <h3>Fill in the template</h3>
          <p>
            One row per task: process, task, who does it, how often, how long, the deliverable and its market
            price (the XLSX has a Members sheet for hourly costs). Then import the filled-in file.
          </p>
          <div className="start-actions">
            <a className="btn btn-primary" href="/api/imports/template?kind=xlsx" download>
              Download XLSX
            </a>
            <a className="btn" href="/api/imports/template?kind=csv" download>
              CSV version
            </a>
          </div>
        </li>
        <li className="start-option">
          <h3>Import a time-tracker export</h3>
          <p>
            The detailed report of Harvest, Toggl Track or Clockify, as CSV: the entries become tasks with the
            hours each person really spends on them.
          </p>
          <div className="start-actions">
            <Link className="btn" to="/inventory/import">
              Import a file
            </Link>
          </div>
        </li>
        <li className="start-option">
          <h3>Add tasks by hand</h3>
          <p>For a first handful of tasks: a name, its process, how often, how long and who does it.</p>
          <div className="start-actions">
            <button type="button" className="btn" onClick={onAdd}>
              Add a task
            </button>
          </div>
        </li>
      </ul>
    </section>
  );
}
