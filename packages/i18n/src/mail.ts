/** Messages for the email the platform sends. {placeholders} are filled by `translate`. */
export const mail = {
  en: {
    'mail.invitation.subject': 'You are invited to the Transfer Payment Portal',
    'mail.invitation.body':
      'Hello {name},\n\n{inviter} has invited you to the Transfer Payment Portal of Public Safety Canada.\n\nChoose your password here (the link works once and expires in {days} days):\n{link}\n\nIf you did not expect this invitation, you can ignore this message.',
    'mail.passwordReset.subject': 'Reset your password',
    'mail.passwordReset.body':
      'Hello {name},\n\nSomeone asked to reset the password of your account on the Transfer Payment Portal.\n\nChoose a new password here (the link works once and expires in {minutes} minutes):\n{link}\n\nIf you did not ask for this, you can ignore this message; your password has not changed.',
    'mail.registration.subject':
      'Confirm your email for the Transfer Payment Portal',
    'mail.registration.body':
      'Hello {name},\n\nYou registered {organisation} on the Transfer Payment Portal of Public Safety Canada.\n\nConfirm your email address and choose your password here (the link works once and expires in {days} days):\n{link}\n\nIf you did not register, you can ignore this message.',
    'mail.registrationExisting.subject':
      'You already have an account on the Transfer Payment Portal',
    'mail.registrationExisting.body':
      'Hello {name},\n\nSomeone tried to register a new account with this email address, but you already have one. Sign in here:\n{link}\n\nIf you forgot your password, use “Forgot your password?” on the sign-in page. If this was not you, you can ignore this message.',
    'mail.applicationReceived.subject':
      'Application {reference} received',
    'mail.applicationReceived.body':
      'Hello {name},\n\nWe received the application “{title}” from {organisation} to the call “{call}” on {date}.\n\nYour reference number is {reference}. Please quote it in any correspondence.\n\nYou can follow the application, or withdraw it, in the portal:\n{link}',
    'mail.decisionApproved.subject':
      'Funding decision for application {reference}: approved',
    'mail.decisionApproved.body':
      '{date}\n\n{organisation}\n\nSubject: application {reference}, “{title}”\n\nWe are pleased to inform you that the Department has approved funding of up to {amount} for your project under the call “{call}”.\n\nAn officer will contact you to prepare the contribution agreement. No funds can be paid and no costs are reimbursed before the agreement is signed by both parties.\n\nSincerely,\n\n{decider}\nPublic Safety Canada',
    'mail.decisionApprovedWithChanges.subject':
      'Funding decision for application {reference}: approved with changes',
    'mail.decisionApprovedWithChanges.body':
      '{date}\n\n{organisation}\n\nSubject: application {reference}, “{title}”\n\nWe are pleased to inform you that the Department has approved funding for your project under the call “{call}”, with changes: the amount approved is up to {amount}, while {requested} was requested.\n\nAn officer will contact you to adjust the budget and work plan and to prepare the contribution agreement. No funds can be paid before the agreement is signed by both parties.\n\nSincerely,\n\n{decider}\nPublic Safety Canada',
    'mail.decisionDeclined.subject':
      'Funding decision for application {reference}',
    'mail.decisionDeclined.body':
      '{date}\n\n{organisation}\n\nSubject: application {reference}, “{title}”\n\nThank you for applying to the call “{call}”. After careful assessment, we regret to inform you that the Department is unable to fund your project.\n\nThe demand for funding was greater than the money available. You may ask the program for feedback on your application.\n\nSincerely,\n\n{decider}\nPublic Safety Canada',
    'mail.decisionWaiting.amount': ' for {amount}',
    'mail.decisionWaiting.subject': 'Application {reference} waits for your funding decision',
    'mail.decisionWaiting.body':
      'Hello {name},\n\nThe application {reference}, “{title}”, was recommended{amount}. The amount is within the delegated authority of your position and above that of the positions below it, so the funding decision waits for you:\n{link}',
    'mail.claimToRelease.subject': 'Claim {claim} is certified and ready for release',
    'mail.claimToRelease.body':
      'Hello {name},\n\nThe claim {claim} of {organisation} under agreement {agreement} was certified for {amount} (Financial Administration Act, section 34). It waits for its payment to be released (section 33):\n{link}',
    'mail.claimCertified.subject': 'Your claim {claim} is certified',
    'mail.claimCertified.body':
      'Hello {name},\n\nThe program certified your claim {claim} under agreement {agreement} for {amount}. Finance will now release the payment; you will be told when it is paid.\n\nThe claim is in the portal:\n{link}',
    'mail.claimRejected.subject': 'Your claim {claim} was not accepted',
    'mail.claimRejected.body':
      'Hello {name},\n\nThe program did not accept your claim {claim} under agreement {agreement}, for this reason:\n\n{reason}\n\nYou may submit a new claim that addresses it. The claim is in the portal:\n{link}',
    'mail.claimPaid.subject': 'Payment of {amount} released for claim {claim}',
    'mail.claimPaid.body':
      'Hello {name},\n\nThe payment of {amount} for your claim {claim} under agreement {agreement} was released. It reaches your account through the Government of Canada’s payment system, usually within a few business days.\n\n{link}',
    'mail.signatureWaiting.subject': 'Agreement {reference} waits for your signature',
    'mail.signatureWaiting.body':
      'Hello {name},\n\n{organisation} signed the contribution agreement {reference}, “{title}”, for {amount}. The amount is within the delegated authority of your position ({position}) and above that of the positions below it, so the agreement waits for your signature for the department:\n{link}\n\nIt is also in the signature queue on your home page.',
    'mail.agreementSent.subject': 'Contribution agreement {reference} is ready for your signature',
    'mail.agreementSent.body':
      'Hello {name},\n\nThe contribution agreement {reference}, “{title}”, between Public Safety Canada and {organisation} for {amount}, is ready for your signature.\n\nRead the agreement and its schedules and sign it in the portal:\n{link}\n\nNo funds can be paid and no costs are reimbursed before the agreement is signed by both parties.',
    'mail.agreementActive.subject': 'Contribution agreement {reference} is signed and in effect',
    'mail.agreementActive.body':
      'Hello {name},\n\nThe Department signed the contribution agreement {reference}, “{title}”, on {date}. The agreement with {organisation} is now in effect.\n\nThe signed agreement, what is due and when, are in the portal:\n{link}',
  },
  fr: {
    'mail.invitation.subject': 'Invitation au Portail des paiements de transfert',
    'mail.invitation.body':
      'Bonjour {name},\n\n{inviter} vous invite au Portail des paiements de transfert de Sécurité publique Canada.\n\nChoisissez votre mot de passe ici (le lien ne fonctionne qu’une fois et expire dans {days} jours) :\n{link}\n\nSi vous n’attendiez pas cette invitation, vous pouvez ignorer ce message.',
    'mail.passwordReset.subject': 'Réinitialiser votre mot de passe',
    'mail.passwordReset.body':
      'Bonjour {name},\n\nQuelqu’un a demandé la réinitialisation du mot de passe de votre compte au Portail des paiements de transfert.\n\nChoisissez un nouveau mot de passe ici (le lien ne fonctionne qu’une fois et expire dans {minutes} minutes) :\n{link}\n\nSi vous n’avez rien demandé, ignorez ce message; votre mot de passe n’a pas changé.',
    'mail.registration.subject':
      'Confirmez votre courriel pour le Portail des paiements de transfert',
    'mail.registration.body':
      'Bonjour {name},\n\nVous avez inscrit {organisation} au Portail des paiements de transfert de Sécurité publique Canada.\n\nConfirmez votre adresse courriel et choisissez votre mot de passe ici (le lien ne fonctionne qu’une fois et expire dans {days} jours) :\n{link}\n\nSi vous ne vous êtes pas inscrit, vous pouvez ignorer ce message.',
    'mail.registrationExisting.subject':
      'Vous avez déjà un compte au Portail des paiements de transfert',
    'mail.registrationExisting.body':
      'Bonjour {name},\n\nQuelqu’un a tenté d’inscrire un nouveau compte avec cette adresse courriel, mais vous en avez déjà un. Connectez-vous ici :\n{link}\n\nSi vous avez oublié votre mot de passe, utilisez « Mot de passe oublié? » sur la page de connexion. Si ce n’était pas vous, vous pouvez ignorer ce message.',
    'mail.applicationReceived.subject':
      'Demande {reference} reçue',
    'mail.applicationReceived.body':
      'Bonjour {name},\n\nNous avons reçu la demande « {title} » de {organisation} à l’appel « {call} » le {date}.\n\nVotre numéro de référence est {reference}. Veuillez l’indiquer dans toute correspondance.\n\nVous pouvez suivre la demande, ou la retirer, dans le portail :\n{link}',
    'mail.decisionApproved.subject':
      'Décision de financement pour la demande {reference} : approuvée',
    'mail.decisionApproved.body':
      '{date}\n\n{organisation}\n\nObjet : demande {reference}, « {title} »\n\nNous avons le plaisir de vous informer que le Ministère a approuvé un financement maximal de {amount} pour votre projet dans le cadre de l’appel « {call} ».\n\nUn agent communiquera avec vous pour préparer l’accord de contribution. Aucun paiement ne peut être versé et aucun coût n’est remboursé avant la signature de l’accord par les deux parties.\n\nVeuillez agréer nos salutations distinguées.\n\n{decider}\nSécurité publique Canada',
    'mail.decisionApprovedWithChanges.subject':
      'Décision de financement pour la demande {reference} : approuvée avec modifications',
    'mail.decisionApprovedWithChanges.body':
      '{date}\n\n{organisation}\n\nObjet : demande {reference}, « {title} »\n\nNous avons le plaisir de vous informer que le Ministère a approuvé le financement de votre projet dans le cadre de l’appel « {call} », avec modifications : le montant approuvé est d’au plus {amount}, alors que {requested} avait été demandé.\n\nUn agent communiquera avec vous pour ajuster le budget et le plan de travail et préparer l’accord de contribution. Aucun paiement ne peut être versé avant la signature de l’accord par les deux parties.\n\nVeuillez agréer nos salutations distinguées.\n\n{decider}\nSécurité publique Canada',
    'mail.decisionDeclined.subject':
      'Décision de financement pour la demande {reference}',
    'mail.decisionDeclined.body':
      '{date}\n\n{organisation}\n\nObjet : demande {reference}, « {title} »\n\nNous vous remercions d’avoir répondu à l’appel « {call} ». Après une évaluation attentive, nous avons le regret de vous informer que le Ministère ne peut pas financer votre projet.\n\nLa demande de financement a dépassé les fonds disponibles. Vous pouvez demander au programme une rétroaction sur votre demande.\n\nVeuillez agréer nos salutations distinguées.\n\n{decider}\nSécurité publique Canada',
    'mail.decisionWaiting.amount': ' pour {amount}',
    'mail.decisionWaiting.subject': 'La demande de financement {reference} attend votre décision',
    'mail.decisionWaiting.body':
      'Bonjour {name},\n\nLa demande {reference}, « {title} », a été recommandée{amount}. Le montant relève du pouvoir délégué de votre poste et dépasse celui des postes inférieurs : la décision de financement vous attend :\n{link}',
    'mail.claimToRelease.subject': 'La demande {claim} est attestée et prête à être libérée',
    'mail.claimToRelease.body':
      'Bonjour {name},\n\nLa demande {claim} de {organisation} au titre de l’entente {agreement} a été attestée pour {amount} (Loi sur la gestion des finances publiques, article 34). Elle attend la libération de son paiement (article 33) :\n{link}',
    'mail.claimCertified.subject': 'Votre demande {claim} est attestée',
    'mail.claimCertified.body':
      'Bonjour {name},\n\nLe programme a attesté votre demande {claim} au titre de l’entente {agreement} pour {amount}. Les finances vont maintenant libérer le paiement; vous serez avisé quand il sera versé.\n\nLa demande est dans le portail :\n{link}',
    'mail.claimRejected.subject': 'Votre demande {claim} n’a pas été acceptée',
    'mail.claimRejected.body':
      'Bonjour {name},\n\nLe programme n’a pas accepté votre demande {claim} au titre de l’entente {agreement}, pour le motif suivant :\n\n{reason}\n\nVous pouvez soumettre une nouvelle demande qui en tient compte. La demande est dans le portail :\n{link}',
    'mail.claimPaid.subject': 'Paiement de {amount} libéré pour la demande {claim}',
    'mail.claimPaid.body':
      'Bonjour {name},\n\nLe paiement de {amount} pour votre demande {claim} au titre de l’entente {agreement} a été libéré. Il parvient à votre compte par le système de paiement du gouvernement du Canada, habituellement en quelques jours ouvrables.\n\n{link}',
    'mail.signatureWaiting.subject': 'L’entente {reference} attend votre signature',
    'mail.signatureWaiting.body':
      'Bonjour {name},\n\n{organisation} a signé l’entente de contribution {reference}, « {title} », de {amount}. Le montant relève du pouvoir délégué de votre poste ({position}) et dépasse celui des postes inférieurs : l’entente attend votre signature au nom du ministère :\n{link}\n\nElle figure aussi dans la file des signatures de votre page d’accueil.',
    'mail.agreementSent.subject': 'L’accord de contribution {reference} est prêt pour votre signature',
    'mail.agreementSent.body':
      'Bonjour {name},\n\nL’accord de contribution {reference}, « {title} », entre Sécurité publique Canada et {organisation} pour {amount}, est prêt pour votre signature.\n\nLisez l’accord et ses annexes et signez-le dans le portail :\n{link}\n\nAucun paiement ne peut être versé ni aucun coût remboursé avant que l’accord soit signé par les deux parties.',
    'mail.agreementActive.subject': 'L’accord de contribution {reference} est signé et en vigueur',
    'mail.agreementActive.body':
      'Bonjour {name},\n\nLe Ministère a signé l’accord de contribution {reference}, « {title} », le {date}. L’accord avec {organisation} est maintenant en vigueur.\n\nL’accord signé et ce qui est attendu, avec les échéances, se trouvent dans le portail :\n{link}',
  },
} as const;
