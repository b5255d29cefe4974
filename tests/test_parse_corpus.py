"""The parser on real Microsoft support articles of different styles (../shared/corpus/msdocs).

The articles are used by path, never copied. Each expectation was written by reading the
article: its problems, its steps in the author's order, the error text it quotes. Where the
parser still reads an article differently from a careful reader, a strict xfail test states
the right answer, so fixing the parser turns it into a failure to remove the marker.
"""

from __future__ import annotations

from pathlib import Path

from indexer.parse import parse_article
from indexer.records import Article, Problem

WIZARD = "entra__entra-id__user-prov-sync__installation-configuration-wizard-errors.md"


def parse(corpus_dir: Path, name: str) -> Article:
    """One corpus article, parsed as the indexer parses it."""
    path = corpus_dir / name
    return parse_article(path.read_bytes(), path.name)


def texts(problem: Problem) -> list[str]:
    """The first line of every step's text, in order."""
    return [s.text.split("\n")[0] for s in problem.steps]


def source_line(corpus_dir: Path, name: str, line: int) -> str:
    """Line ``line`` (1-based) of a corpus article."""
    return (corpus_dir / name).read_text(encoding="utf-8").split("\n")[line - 1]


# Plain Symptoms / Cause / Resolution, the resolution one sentence.
def test_symptoms_cause_resolution_with_a_prose_resolution(corpus_dir: Path) -> None:
    article = parse(corpus_dir, "entra__entra-id__dir-dmns-obj__pwd-change-not-save.md")
    (problem,) = article.problems
    assert problem.title == "Changes to your password are not saved in Azure, Office 365, or Intune"
    assert problem.line == 9
    assert not problem.whole_article
    assert problem.cause == (
        "This problem occurs when you use special characters such as the less-than sign < or the "
        "greater-than sign > as part of your password."
    )
    assert texts(problem) == [
        "To resolve this problem, do not use special characters as part of your password."
    ]
    assert problem.steps[0].line == 24


# Symptoms / Cause / Resolution with the error in a block quote and a note after the command.
def test_block_quoted_error_and_note_after_a_command(corpus_dir: Path) -> None:
    name = "Exchange__ExchangeOnline__administration__bad-request-error-when-connecting-to-exchange-online-powershell.md"
    (problem,) = parse(corpus_dir, name).problems
    assert problem.title == "Bad Request error when you try to connect to Exchange Online PowerShell"
    assert problem.error_messages == [
        "New-PSSession: [outlook.office365.com] Connecting to remote server outlook.office365.com failed "
        "with the following error message: Bad Request For more information, see the "
        "about_Remote_Troubleshooting Help topic."
    ]
    assert problem.cause == (
        "This issue occurs if your account has the RemotePowerShellEnable parameter value set to False."
    )
    (step,) = problem.steps
    assert step.text == (
        "To resolve this issue, have another administrator set the parameter value to True by running "
        "the following PowerShell command:\n"
        "Set-Useruser@domain.com-RemotePowerShellEnabled $True"
    )
    assert "```powershell" in step.markdown
    # The note after the last step is said of the fix: a note after its steps, not more of the step.
    (note,) = problem.notes
    assert (note.text, note.after) == (
        "Note: Allow 15-20 minutes for the setting to fully take effect, and then try to connect to "
        "Exchange Online PowerShell again.",
        True,
    )
    assert note.markdown.startswith("> [!NOTE]")


# Several errors, each with its own H2 ("Error 1: …"), then a table of error / resolution.
def test_error_headings_and_error_table(corpus_dir: Path) -> None:
    problems = parse(corpus_dir, WIZARD).problems
    assert [p.title for p in problems[:6]] == [
        "Check system requirements",
        "Check permissions",
        "Check domain connectivity by using nltest",
        "Error 1: The computer must be joined to a domain",
        "Error 2: The Azure Active Directory Sync Tool is already installed",
        "Troubleshoot other error messages",
    ]
    rows = problems[6:]
    # 33 table rows; AdminRequired and ErrorClearRunHistory give no resolution, so no problem.
    assert len(rows) == 31
    assert (rows[0].title, rows[-1].title) == ("DirSyncAlreadyInstalled", "RichCoexistenceNotAllowed")
    assert not {"AdminRequired", "ErrorClearRunHistory"} & {p.title for p in problems}

    error_2 = problems[4]
    assert error_2.line == 113
    assert texts(error_2) == [
        "In Control Panel, check whether Microsoft Identity Integration Server is listed in Add or "
        "Remove Programs or in Programs and Features. If it's present, you must remove it.",
        "Verify that the Program Files folder contains a subfolder that's named Microsoft Identity "
        "Integration Server. If the subfolder exists, you must rename the folder to Microsoft Identity "
        "Integration Server_Old.",
        "Run Setup again.",
    ]
    assert [s.line for s in error_2.steps] == [117, 118, 119]

    by_title = {p.title: p for p in rows}
    connectivity = by_title["ErrorStoppedConnectivity"]
    assert connectivity.line == 143
    assert connectivity.error_messages == [
        "ErrorStoppedConnectivity",
        "Synchronization stopped because of connectivity loss. Restore connectivity to the server.",
    ]
    assert connectivity.error_codes == ["ErrorStoppedConnectivity"]
    assert texts(connectivity) == [
        "Confirm that the local computer can access the Internet. Have the user try to ping "
        "provisioning.microsoftonline.com to verify that the computer can reach the Microsoft Entra "
        "authentication system."
    ]
    # The "Error name" column is the code, whatever words it is made of.
    assert by_title["InstallPathLengthTooLong"].error_codes == ["InstallPathLengthTooLong"]
    assert by_title["MIISUserAddRight_AddFailed"].error_messages[1] == (
        "'{0}' could not be added to the account rights for '{1}'. Error code:{2}"
    )


def test_error_heading_steps_with_lead_in_groups(corpus_dir: Path) -> None:
    error_1 = parse(corpus_dir, WIZARD).problems[3]
    steps = [(s.group, s.number, s.text.split("\n")[0]) for s in error_1.steps[:8]]
    # The first lead-in names its steps as the later ones name theirs: what steps 1-3 are for.
    check = "To troubleshoot this issue, check the domain membership of the computer by following these steps"
    verify = "If the computer is a domain member, and you still receive the error message, verify that"
    follow = "To do so, follow these steps"
    assert steps == [
        (check, "1", "Log on to the computer."),
        (check, "2", "Right-click My Computer, and then select Properties."),
        (
            check,
            "3",
            "Select the Computer Name tab. If the computer is a domain member, the Full Computer Name "
            "resembles ComputerName.Domain.xxx. The domain name appears next to Domain.",
        ),
        (verify, "1", "The computer can communicate with the domain."),
        (verify, "2", "The computer can discover the domain controller."),
        (
            follow,
            "1",
            "Use the ipconfig command-line tool to check the Domain Name System (DNS) settings on the server.",
        ),
        (
            follow,
            "2",
            "Confirm that you can ping the DNS server that's listed in the network properties on the problem computer.",
        ),
        (
            follow,
            "3",
            "Run the nslookup command-line tool. If the DNS server is unreachable, you receive an error "
            "message. For example, you receive an error message that resembles the following example:",
        ),
    ]
    # The nslookup output quoted inside step 3 stays with that step.
    assert "DNS request timed out." in error_1.steps[7].text
    assert source_line(corpus_dir, WIZARD, error_1.steps[7].line).startswith("3. Run the `nslookup`")


def test_error_heading_list_of_causes_is_not_steps(corpus_dir: Path) -> None:
    """The list after "…it indicates one of the following problems:" names causes."""
    error_1 = parse(corpus_dir, WIZARD).problems[3]
    assert len(error_1.steps) == 8
    assert "issue in contacting the domain controllers" in error_1.cause
    assert "The Active Directory domain is rejecting the request." in error_1.cause


# Method 1 / Method 2 under Resolution.
def test_methods_are_step_groups(corpus_dir: Path) -> None:
    name = "entra__entra-id__user-prov-sync__unable-install-aad-module-powershell.md"
    (problem,) = parse(corpus_dir, name).problems
    assert problem.title == (
        "Error when you try to install Azure Active Directory module for Windows PowerShell: "
        "You must have Windows PowerShell 2.0 or greater installed"
    )
    assert problem.error_messages == [
        "In order to install Windows Azure Active Directory module for PowerShell, you must have "
        "Windows PowerShell 2.0 or greater installed on this computer."
    ]
    method_1 = "Method 1: Install Azure Active Directory module for Windows PowerShell when you log on as local admin"
    method_2 = "Method 2: Make sure that Windows PowerShell 2.0 is enabled"
    assert [(s.group, s.number, s.text) for s in problem.steps] == [
        (method_1, "1", "Log on as a local admin. (Just logging on as a domain admin may not work.)"),
        (method_1, "2", "Install Azure Active Directory module for PowerShell."),
        (method_2, "1", "Log on as a local admin. (Just logging on as a domain admin may not work.)"),
        (
            method_2,
            "2",
            "In Control Panel, select Programs and Features, or select Uninstall a program under Programs.",
        ),
        (method_2, "3", "Select Turn Window features on or off."),
        (
            method_2,
            "4",
            "In the Windows Feature window, make sure that the Windows PowerShell 2.0 checkbox is "
            "selected, and then select OK.",
        ),
        (method_2, "5", "Install Azure Active Directory module for PowerShell."),
    ]
    assert [s.line for s in problem.steps] == [28, 29, 33, 34, 35, 36, 37]


# Numbered steps with nested numbered and bulleted sub-steps, and a NOTE inside a step.
def test_nested_steps_and_a_note_inside_a_step(corpus_dir: Path) -> None:
    name = "entra__entra-id__ad-dmn-services__cant-connect-service-error-register-device.md"
    (problem,) = parse(corpus_dir, name).problems
    assert problem.title == "Error when you try to register a device: Can't connect to the service"
    assert problem.error_messages == [
        "Can't connect to the service We can't connect to the service you need right now. "
        "Check your network connection or try this again later."
    ]
    assert [(s.number, s.parent, s.depth, s.text.split("\n")[0]) for s in problem.steps] == [
        ("1", None, 0, "Sign in to your AD FS proxy server:"),
        ("1.1", "1", 1, "Run the Services Management Console (services.msc)."),
        ("1.2", "1", 1, "Locate the AD FS service."),
        ("1.3", "1", 1, "Verify that the service is in a Started state."),
        ("2", None, 0, "Verify name resolution of the Internal AD FS instance:"),
        ("2.1", "2", 1, "From the AD FS proxy server, open a command prompt."),
        ("2.2", "2", 1, "Type PING adfsserver.contoso.com, and then press Enter."),
        (
            "3",
            None,
            0,
            "Don't worry about whether the PING is successful or unsuccessful. Instead, notice whether "
            "the target address resolves to the IP address of the server.",
        ),
        ("4", None, 0, "If the address is incorrect, correct the resolution conflicts:"),
        (
            "4.1",
            "4",
            1,
            "Check the Hosts file on the AD FS proxy server to see whether the correct entry is included "
            "and whether it targets your AD FS instance.",
        ),
        (
            "4.2",
            "4",
            1,
            "If you do not use a Hosts file, check internal DNS by using the Nslookup command to verify DNS records.",
        ),
    ]
    # The note, after step 2's sub-steps, goes with the last of them (whose command it explains),
    # where a reader meets it: as advice, never as an error message.
    assert problem.steps[6].number == "2.2" and problem.steps[6].text.endswith(
        "Note: The adfsserver.contoso.com placeholder represents the address of your AD FS server, "
        "such as sts.contoso.com."
    )
    assert [s.line for s in problem.steps[:5]] == [34, 35, 36, 37, 39]
    assert problem.cause.startswith("This problem may occur for one of the following reasons:")


# A block-quoted error and a `>[!Note]` in the Cause.
def test_block_quoted_error_code_and_note_in_cause(corpus_dir: Path) -> None:
    name = "entra__entra-id__app-integration__error-code-AADSTS50105-user-not-assigned-role.md"
    (problem,) = parse(corpus_dir, name).problems
    assert (
        problem.title
        == "Error AADSTS50105 - The signed in user is not assigned to a role for the application"
    )
    assert problem.error_messages == [
        "Error AADSTS50105 - The signed in user is not assigned to a role for the application."
    ]
    assert problem.error_codes == ["AADSTS50105"]
    assert problem.cause == (
        "The user hasn't been granted access to the application in Microsoft Entra ID. The user must "
        "belong to a group that is assigned to the application, or be assigned directly."
    )
    assert texts(problem) == [
        "To assign one or more users to an application directly, see Quickstart: Assign users to an app."
    ]


# An error printed in a `console` fence; one scenario with a list, one without.
def test_error_in_a_code_fence_and_a_prose_scenario(corpus_dir: Path) -> None:
    name = "entra__entra-id__user-prov-sync__unable-authenticate-credentials.md"
    (problem,) = parse(corpus_dir, name).problems
    # The part the prose quotes ("…an "Unable to authenticate your credentials" error"), then the whole
    # error from the fence.
    quoted, message = problem.error_messages
    assert quoted in message
    assert message.startswith(
        "Connect-MsolService : Unable to authenticate your credentials. Make sure that your user name "
        "is in the format: <username>@<domain>. If this issue persists, contact Support."
    )
    assert "0x80048862" in problem.error_codes
    scenario_1 = "Scenario 1: You used an incorrect format when you entered your user name"
    scenario_2 = "Scenario 2: Your user account is enabled for Microsoft Entra multifactor authentication"
    assert [(s.group, s.text) for s in problem.steps] == [
        (scenario_1, "Use the following format when you enter your user name:"),
        (scenario_1, "<user_name >@<domain>"),
        (
            scenario_1,
            "For example, john@contoso.com is in the correct format. Entering john or contoso\\john doesn't work.",
        ),
        (scenario_2, "Disable Microsoft Entra multifactor authentication for the user account."),
        (
            scenario_2,
            "Use a different admin account that isn't enabled for Microsoft Entra multifactor authentication.",
        ),
    ]


# A bold error line after "you may receive the following error message:".
def test_bold_error_line_after_a_lead_in(corpus_dir: Path) -> None:
    name = "Microsoft365__admin__access-management__connect-msolservice-office-365-azure.md"
    (problem,) = parse(corpus_dir, name).problems
    assert problem.error_messages == [
        "Connect-MsolService : The user name or password is incorrect. Verify your user name, and "
        "then type your password again."
    ]
    # The [!INCLUDE …] directive under Cause is markup, not part of the cause.
    assert problem.cause == (
        "This issue may occur if the user name or password that you're using is incorrect or if "
        "there's a problem with the user account."
    )
    assert texts(problem) == [
        "To resolve this issue, see You can't sign in to your organizational account such as "
        "Microsoft 365, Azure, or Intune."
    ]


# "Step N" headings directly under the title: one problem, its steps grouped.
def test_step_headings_are_groups_of_one_problem(corpus_dir: Path) -> None:
    name = (
        "entra__entra-id__app-integration__"
        "sign-out-of-openid-connect-oauth2-applications-without-user-selection-prompt.md"
    )
    (problem,) = parse(corpus_dir, name).problems
    assert (
        problem.title
        == "How to sign out of OpenID Connect/OAuth2 applications without a user selection prompt"
    )
    assert problem.line == 10
    groups = [s.group for s in problem.steps]
    assert list(dict.fromkeys(groups)) == [
        "Step 1: Add an optional claim for login_hint",
        'Step 2: Ensure the "profile" and "openid" scopes are included in the original sign-in request',
        "Step 3: Pass the logout_hint parameter in the sign-out request",
    ]
    assert [s.number for s in problem.steps] == [
        "1",
        "2",
        "3",
        "3.1",
        "3.2",
        "3.3",
        "3.4",
        "3.5",
        "1",
        "2",
        "1",
    ]
    assert texts(problem)[0] == (
        "Sign in to the Microsoft Entra admin center as at least a Cloud Application Administrator."
    )
    assert texts(problem)[-1] == (
        "When you send a sign-out request, pass the logout_hint parameter along with the value of the "
        "login_hint claim in the sign-out request:"
    )


# Solution 1 … Solution 4 side by side: one problem, each solution a group.
def test_side_by_side_solutions_are_groups(corpus_dir: Path) -> None:
    name = "entra__entra-id__app-integration__application-using-tls-1dot0-1dot1-authentication-fail.md"
    (problem,) = parse(corpus_dir, name).problems
    assert [s.group for s in problem.steps] == [
        "Solution 1: Upgrade the .NET Framework",
        "Solution 2: Enable TLS 1.2 programmatically",
        "Solution 3: Change web.config to enable TLS 1.2",
        "Solution 4: Enable TLS 1.2 before running PowerShell commands",
    ]
    assert (
        texts(problem)[0]
        == "Upgrade the application to use .NET Framework 4.7 or later, where TLS 1.2 is enabled by default."
    )
    assert problem.error_codes[0] == "AADSTS1002016"
    assert problem.error_messages[0].startswith(
        "AADSTS1002016: You are using TLS version 1.0, 1.1 and/or 3DES cipher"
    )


# A long article: a prose Method 1 and a nested Method 2 with call-outs inside sub-steps.
def test_long_article_first_and_last_steps(corpus_dir: Path) -> None:
    name = "entra__entra-id__user-prov-sync__outdate-information-displays.md"
    (problem,) = parse(corpus_dir, name).problems
    assert len(problem.steps) == 16
    assert [(s.group, s.number) for s in problem.steps[:3]] == [
        ("Method 1", "1"),
        ("Method 1", "2"),
        ("Method 2", "1"),
    ]
    assert texts(problem)[:2] == [
        "Manually upgrade your Microsoft Entra Connect server to version 1.1.649.0 or a later version. "
        "During the manual upgrade, both applications will be upgraded to the versions that are "
        "compatible with each other.",
        "For more information about how to upgrade Microsoft Entra Connect server, see the following "
        "Azure article: Microsoft Entra Connect: Upgrade from a previous version to the latest",
    ]
    assert [(s.number, s.text) for s in problem.steps[-2:]] == [
        (
            "5.5",
            "When you are prompted for credentials, provide your Microsoft Entra Global Admin credentials.",
        ),
        (
            "5.6",
            "Wait about two hours, and then verify that the Health panel is showing up-to-date information about Sync.",
        ),
    ]
    install = problem.steps[12]
    assert (install.number, install.text) == (
        "5.3",
        "After the installation finishes, select Close.\nImportant: Do not select Configure.",
    )
    assert (
        source_line(corpus_dir, name, install.line).strip().startswith("3. After the installation finishes")
    )
    assert "0xC0000374" in problem.error_codes  # the exception code of the quoted event


def test_time_stamps_in_a_quoted_event_are_not_codes(corpus_dir: Path) -> None:
    (problem,) = parse(
        corpus_dir, "entra__entra-id__user-prov-sync__outdate-information-displays.md"
    ).problems
    assert problem.error_codes == ["0xC0000374"]


# None of the recognised headings and no list: the whole article is one problem.
def test_whole_article_fallback(corpus_dir: Path) -> None:
    name = "entra__entra-id__app-integration__app-takes-long-time-appear.md"
    (problem,) = parse(corpus_dir, name).problems
    assert problem.whole_article
    assert problem.title == 'Application takes a long time to appear after clicking the "add" button'
    assert problem.line == 14
    assert [s.line for s in problem.steps] == [16, 18]
    assert texts(problem)[0].startswith(
        'If you experience a delay in the appearance of your application after clicking the "add" button'
    )
    assert texts(problem)[1].endswith(
        "you can follow the steps in How to see the details of a portal notification."
    )
