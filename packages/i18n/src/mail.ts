/** Messages for the email the platform sends. {placeholders} are filled by `translate`. */
export const mail = {
  en: {
    'mail.invitation.subject': 'You are invited to the Transfer Payment Portal',
    'mail.invitation.body':
      'Hello {name},\n\n{inviter} has invited you to the Transfer Payment Portal of Public Safety Canada.\n\nChoose your password here (the link works once and expires in {days} days):\n{link}\n\nIf you did not expect this invitation, you can ignore this message.',
    'mail.passwordReset.subject': 'Reset your password',
    'mail.passwordReset.body':
      'Hello {name},\n\nSomeone asked to reset the password of your account on the Transfer Payment Portal.\n\nChoose a new password here (the link works once and expires in {minutes} minutes):\n{link}\n\nIf you did not ask for this, you can ignore this message; your password has not changed.',
  },
  fr: {
    'mail.invitation.subject': 'Invitation au Portail des paiements de transfert',
    'mail.invitation.body':
      'Bonjour {name},\n\n{inviter} vous invite au Portail des paiements de transfert de Sécurité publique Canada.\n\nChoisissez votre mot de passe ici (le lien ne fonctionne qu’une fois et expire dans {days} jours) :\n{link}\n\nSi vous n’attendiez pas cette invitation, vous pouvez ignorer ce message.',
    'mail.passwordReset.subject': 'Réinitialiser votre mot de passe',
    'mail.passwordReset.body':
      'Bonjour {name},\n\nQuelqu’un a demandé la réinitialisation du mot de passe de votre compte au Portail des paiements de transfert.\n\nChoisissez un nouveau mot de passe ici (le lien ne fonctionne qu’une fois et expire dans {minutes} minutes) :\n{link}\n\nSi vous n’avez rien demandé, ignorez ce message; votre mot de passe n’a pas changé.',
  },
} as const;
