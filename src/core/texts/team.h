// Teams and roles: the role names, why a control is disabled, the Team screen, the account menu,
// choosing an account at sign-in and signing out on a shared computer. English, then German (Sie).
// Part of the text table: src/core/i18n.h lists every room's file.
#pragma once

#define RC_TEXTS_TEAM(X) \
    X(RoleAdmin, "Admin", "Admin") \
    X(RoleBuyer, "Buyer", "Einkauf") \
    X(RoleSales, "Sales", "Vertrieb") \
    X(RoleViewer, "Viewer", "Nur Lesen") \
    X(RoleOr, "or", "oder") \
    X(NeedsRole, "Needs the {} role", "Erfordert die Rolle {}") \
    X(ErrForbidden, "Your role does not allow this: it needs the {} role.", "Ihre Rolle erlaubt das nicht: Dafür ist die Rolle {} nötig.") \
    X(RoleRefused, "{} The console now shows what your role allows.", "{} Die Konsole zeigt jetzt, was Ihre Rolle erlaubt.") \
    X(RoleNowIs, "Your role is now {}.", "Ihre Rolle ist jetzt {}.") \
    X(YourRole, "Your role: {}", "Ihre Rolle: {}") \
    X(MenuTeam, "Team", "Team") \
    X(TeamSubtitle, "Who can sign in to this account, and what each may do.", "Wer sich bei diesem Konto anmelden kann und was jede Person darf.") \
    X(AddMember, "Add member", "Mitglied hinzufügen") \
    X(TeamAdminsOnly, "Only Admins manage the team", "Nur Admins verwalten das Team") \
    X(TeamAdminsOnlyBody, "Your role is {}. Ask an Admin of your team to add members or change roles.", "Ihre Rolle ist {}. Bitten Sie einen Admin Ihres Teams, Mitglieder hinzuzufügen oder Rollen zu ändern.") \
    X(CouldNotLoadTeam, "Could not load the team", "Das Team konnte nicht geladen werden") \
    X(ColMember, "Member", "Mitglied") \
    X(ColRole, "Role", "Rolle") \
    X(ColLastSignIn, "Last sign-in", "Letzte Anmeldung") \
    X(ColAdded, "Added", "Hinzugefügt") \
    X(NeverSignedIn, "Never", "Noch nie") \
    X(You, "You", "Sie") \
    X(ChangeRole, "Change role", "Rolle ändern") \
    X(RemoveMember, "Remove", "Entfernen") \
    X(MemberActivity, "Activity", "Verlauf") \
    X(LastAdminReason, "The team's last Admin keeps the role", "Der letzte Admin des Teams behält die Rolle") \
    X(TeamCount, "{} members", "{} Mitglieder") \
    X(RolesCard, "What each role may do", "Was jede Rolle darf") \
    X(RoleAdminNote, "Everything, and manages the team.", "Alles, und verwaltet das Team.") \
    X(RoleBuyerNote, "Orders licenses, changes plans, cancels; downloads invoices and exports.", "Bestellt Lizenzen, wechselt Tarife, kündigt; lädt Rechnungen und Exporte herunter.") \
    X(RoleSalesNote, "Invites customers, resends and revokes invitations.", "Lädt Kunden ein, sendet Einladungen erneut und widerruft sie.") \
    X(RoleViewerNote, "Sees customers, subscriptions, invoices and the history; changes nothing.", "Sieht Kunden, Abonnements, Rechnungen und den Verlauf; ändert nichts.") \
    X(AddMemberTitle, "Add a team member", "Teammitglied hinzufügen") \
    X(AddMemberIntro, "The person signs in with Google under this email address.", "Die Person meldet sich mit Google unter dieser E-Mail-Adresse an.") \
    X(MemberEmail, "Google email address", "Google-E-Mail-Adresse") \
    X(MemberName, "Name", "Name") \
    X(HintMemberEmail, "name@yourcompany.com", "name@ihrefirma.de") \
    X(HintMemberName, "First and last name", "Vor- und Nachname") \
    X(ChooseRole, "Role", "Rolle") \
    X(Adding, "Adding…", "Wird hinzugefügt …") \
    X(ChangeRoleTitle, "Change the role of {}", "Rolle von {} ändern") \
    X(ChangeRoleNote, "{} is signed out at once and signs in again with the new role.", "{} wird sofort abgemeldet und meldet sich mit der neuen Rolle wieder an.") \
    X(ChangeOwnRoleNote, "This is you: you are signed out at once and sign in again with the new role.", "Das sind Sie: Sie werden sofort abgemeldet und melden sich mit der neuen Rolle wieder an.") \
    X(Changing, "Changing…", "Wird geändert …") \
    X(RemoveTitle, "Remove {} from the team?", "{} aus dem Team entfernen?") \
    X(RemoveNote, "{} is signed out at once and can no longer sign in to this account. What they did stays in the history.", "{} wird sofort abgemeldet und kann sich nicht mehr bei diesem Konto anmelden. Was die Person getan hat, bleibt im Verlauf.") \
    X(RemoveOwnNote, "This is you: you are signed out at once and can no longer sign in to this account.", "Das sind Sie: Sie werden sofort abgemeldet und können sich nicht mehr bei diesem Konto anmelden.") \
    X(Removing, "Removing…", "Wird entfernt …") \
    X(ErrMemberExists, "This person is already a member of the team.", "Diese Person ist bereits Mitglied des Teams.") \
    X(ErrLastAdmin, "The team's last Admin cannot be removed or given another role. Make another member an Admin first.", "Der letzte Admin des Teams kann weder entfernt werden noch eine andere Rolle erhalten. Machen Sie zuerst ein anderes Mitglied zum Admin.") \
    X(ToastMemberAdded, "{} was added to the team as {}. They can sign in with Google now.", "{} wurde mit der Rolle {} zum Team hinzugefügt und kann sich jetzt mit Google anmelden.") \
    X(ToastRoleChanged, "{} now has the {} role.", "{} hat jetzt die Rolle {}.") \
    X(ToastMemberRemoved, "{} was removed from the team.", "{} wurde aus dem Team entfernt.") \
    X(ChooseAccountTitle, "Which account?", "Welches Konto?") \
    X(ChooseAccountBody, "Your Google account is a member of several reseller accounts. Choose the one to open.", "Ihr Google-Konto ist Mitglied mehrerer Partnerkonten. Wählen Sie das Konto, das Sie öffnen möchten.") \
    X(ChooseAccountRole, "Your role: {}", "Ihre Rolle: {}") \
    X(ChooseAnotherGoogle, "Use another Google account", "Anderes Google-Konto verwenden") \
    X(SignOutWaitingTitle, "Changes made offline are still waiting", "Offline vorgenommene Änderungen warten noch") \
    X(SignOutWaitingBodyOne, "1 change made offline has not reached the server yet. Signing out removes it from this browser, so that the next person can neither see nor send it.", "1 offline vorgenommene Änderung hat den Server noch nicht erreicht. Beim Abmelden wird sie aus diesem Browser entfernt, damit die nächste Person sie weder sehen noch senden kann.") \
    X(SignOutWaitingBody, "{} changes made offline have not reached the server yet. Signing out removes them from this browser, so that the next person can neither see nor send them.", "{} offline vorgenommene Änderungen haben den Server noch nicht erreicht. Beim Abmelden werden sie aus diesem Browser entfernt, damit die nächste Person sie weder sehen noch senden kann.") \
    X(SignOutWaitingOffline, "You are offline: they are sent when the connection returns, then you are signed out.", "Sie sind offline: Die Änderungen werden gesendet, sobald die Verbindung wieder besteht; danach werden Sie abgemeldet.") \
    X(SignOutSendFirst, "Send them first", "Zuerst senden") \
    X(SignOutSending, "Sending…", "Wird gesendet …") \
    X(SignOutDiscard, "Discard them and sign out", "Verwerfen und abmelden") \
    X(SignOutFailedLeft, "Some could not be sent: the reason is under each. Discard them to sign out, or stay signed in and deal with them.", "Einige konnten nicht gesendet werden: Der Grund steht jeweils darunter. Verwerfen Sie sie, um sich abzumelden, oder bleiben Sie angemeldet und kümmern Sie sich darum.") \
    X(SignOutRowInvitation, "Invitation to {}", "Einladung an {}") \
    X(SignOutRowOrder, "{} licenses for {}", "{} Lizenzen für {}") \
    X(WritesClearedOnEndOne, "1 change made offline could not be sent and was removed from this browser.", "1 offline vorgenommene Änderung konnte nicht gesendet werden und wurde aus diesem Browser entfernt.") \
    X(WritesClearedOnEnd, "{} changes made offline could not be sent and were removed from this browser.", "{} offline vorgenommene Änderungen konnten nicht gesendet werden und wurden aus diesem Browser entfernt.")
