/** An agreement's reference number, linking to the agreement. */
import { Link } from '@tanstack/react-router';

export function AgreementLink({ id, reference }: { id: string; reference: string }) {
  return (
    <Link to="/agreements/$agreementId" params={{ agreementId: id }} className="tp-link">
      {reference}
    </Link>
  );
}
