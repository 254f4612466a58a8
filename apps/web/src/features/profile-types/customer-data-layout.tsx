import { Link, NavLink, Outlet, useMatch } from 'react-router';

export const profileTypesPath = '/customer-data/profile-types';
export const attributesPath = '/customer-data/attributes';
export const workflowsPath = '/customer-data/workflows';
const seedFilePath = '/customer-data/seed-file';

/** The main navigation's link to customer data, marked current on each of its pages. */
export function CustomerDataMainLink() {
  const isCurrent = useMatch('/customer-data/*') !== null;
  return (
    <Link to={profileTypesPath} aria-current={isCurrent ? 'page' : undefined}>
      Customer data
    </Link>
  );
}

/** The navigation between the pages of customer data (reference 000: Customer Data). */
export function CustomerDataNav() {
  return (
    <nav className="sub-nav" aria-label="Customer data">
      <NavLink to={profileTypesPath}>Profile types</NavLink>
      <NavLink to={attributesPath}>Attributes</NavLink>
      <NavLink to={workflowsPath}>Workflows</NavLink>
      <NavLink to={seedFilePath}>Seed file</NavLink>
    </nav>
  );
}

/** The pages of customer data, under their own navigation. */
export function CustomerDataLayout() {
  return (
    <>
      <CustomerDataNav />
      <Outlet />
    </>
  );
}
