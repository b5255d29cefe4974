"""Error text normalisation: canonical error codes, and article vs pasted messages comparing equal."""

from __future__ import annotations

import pytest

from indexer.errortext import (
    _LOWER_VARIABLES,
    _WORDS,
    bracketed_code,
    canonical_code,
    clean,
    code_family,
    code_key,
    code_number,
    codes_if_known,
    comparable,
    error_codes,
    labelled_numbers,
    log_lines,
    logged_as_failure,
    missing_commands,
)


@pytest.mark.parametrize(
    ("text", "codes"),
    [
        ("AADSTS50105: The signed in user is not assigned to a role", ["AADSTS50105"]),
        # A number after a year is the code's; a range, a date or a suffix is not.
        ("Scanners report CVE-2024-3094 and RHSA-2024:1234.", ["CVE20243094", "RHSA20241234"]),
        ("reason=PAY-4012:2024-01-15T10:22:33Z", ["PAY4012"]),
        ("ORA-12154-12157 and MSB3073:1 and SVC-5003-8f3a2c", ["ORA12154", "MSB3073", "SVC5003"]),
        ("Error code: SSPR_0029", ["SSPR_0029"]),
        ("HRESULT 0x80070005 (access denied)", ["0x80070005"]),
        ("Sync failed with 80070005", ["0x80070005"]),
        ("the attribute AttributeValueMustBeUnique was rejected", ["AttributeValueMustBeUnique"]),
        ("Request_BadRequest: Invalid value specified", ["Request_BadRequest"]),
        ("AADSTS50011 then 0x80048862 then AADSTS50011 again", ["AADSTS50011", "0x80048862"]),
        ("NTSTATUS status=c000006d substatus=c0000064", ["0xC000006D", "0xC0000064"]),
        # Windows error codes in eight digits, where the words before say they are one.
        ("Operation failed with error 0x0000011b.", ["0x0000011B"]),
        ("Error code: 0x00000bcb, handle 0x00000a4c, flags=0x00000002", ["0x00000BCB"]),
        ("Access is denied (0x00000005). Returned 0x00000000", ["0x00000005"]),
        ("WinHttp reported hr=0x80072ee7 after=0x80004005", ["0x80072EE7", "0x80004005"]),
        # The same after Chinese, Japanese or Korean words for an error, spaced or not.
        ("导出失败：错误 0x0000052e：用户名或密码不正确。", ["0x0000052E"]),
        ("同期に失敗しました（エラーコード0x00000035）", ["0x00000035"]),
        ("打印失败，返回0x80070bc9后退出", ["0x80070BC9"]),
        # Message identifiers with a severity letter, as IBM's products print them.
        ('SQL0911N The current transaction has been rolled back. Reason code "68".', ["SQL0911N"]),
        ("AMQ9208E: Error on receive from host mq01 (10.0.0.5)(1414).", ["AMQ9208E"]),
        ("[4/2/24 10:01:07:123 UTC] 0000004a CWWKS1100A: Authentication did not succeed", ["CWWKS1100A"]),
        # z/OS's and Db2's IDs of three digits, where they open the message as consoles print them.
        ("IEF450I PAYROLL STEP1 - ABEND=S0C7 U0000 REASON=00000000", ["IEF450I"]),
        ("DSNL030I DDF PROCESSING FAILURE FOR LUWID", ["DSNL030I"]),
    ],
)
def test_codes_found_in_article_text(text: str, codes: list[str]) -> None:
    assert error_codes(text) == codes


@pytest.mark.parametrize(
    ("text", "codes"),
    [
        # The words that mark a letter code or a short one are read in any case, from each one's first
        # letter as the case-insensitive match reads it: a Kelvin sign is a "k", a final sigma "ς" a "σ"
        # (a lead that added each letter's capital by hand would miss both).
        ("ΣΦΆΛΜΑ E-204: δεν ολοκληρώθηκε", ["E204"]),
        ("ГРЕШКА F-102: няма връзка", ["F102"]),
        ("\u212aODAS: K-31", ["K31"]),
        ("XƏTA KODU: ERR-SOC-07", ["ERRSOC07"]),
        ("WARNING W-17: low toner", ["W17"]),
        ("ERROR C2065: 'x': undeclared identifier", ["C2065"]),
        ("ςφάλμα E-204: δεν ολοκληρώθηκε", ["E204"]),
        ("line-too-long (E501)", ["E501"]),
        ("app.py:3:80: E501 line too long", ["E501"]),
        ("错误 E5031", ["E5031"]),
        # Not after another word, nor one that only starts like a word for an error.
        ("ERRORS E-204: x", []),
        ("see A100: x", []),
    ],
)
def test_a_word_for_an_error_or_a_code_marks_a_code_in_any_case(text: str, codes: list[str]) -> None:
    assert error_codes(text) == codes
    assert error_codes(text, any_case=True) == codes


@pytest.mark.parametrize(
    "text",
    [
        "Office 365",
        "Windows 10 and Windows Server 2019",
        "Microsoft 365 admin center",
        "See KB 2684395 for TLS 1.2 on port 443",
        "The UserPrincipalName attribute",  # a CamelCase name that says nothing went wrong
        # Identifiers and values that look like NTSTATUS codes: a GUID's first group, and the
        # architecture field of every Linux audit record.
        "the desired disk c012eb76-f8eb-4ea1-b81d-472eac9d98bf is not ready",
        "mount /var/lib/kubelet/pods/pvc-c01cee3e-f292-4979-b183-6546d6397fbd failed",
        "type=SYSCALL msg=audit(1686209311.402:9921): arch=c000003e syscall=83 success=no exit=-13",
        "an ISO27001 audit",  # a standard's name: no severity letter after its number
        "the SKU123A shelf and the ABC100E kit",  # three digits: a part's number inside a sentence
        "le profil EN 16931 exige un numéro de TVA",  # standards by their bodies' names
        "certified to IEC 62443 and DIN 5008",
        "The writer (PID 123315 in this example) hangs in D state; UID 1000 and GID 1000 own the share",
        # An interface's size in a routing protocol's log line: MTU1500 was a code of the problem.
        "Nbr 192.0.2.2 on Gi0/0/1 stuck in EXSTART state (MTU 1500 vs 1492)",
        # An eight-digit value after Chinese words that name no error (a handle), and hex inside a word.
        "句柄 0x00000a4c 已释放",
        "版本号abc0x80070005def",
    ],
)
def test_product_names_versions_and_attributes_are_not_codes(text: str) -> None:
    assert error_codes(text) == []


@pytest.mark.parametrize(
    ("text", "codes"),
    [
        # SAP's message number: its message class and three digits, joined or spaced, after "Message no.".
        ("Message no. M8321", ["M8321"]),
        ("The posting stops with message no. M8 321 (Account determination failed).", ["M8321"]),
        ("Diagnosis for Message Number KI 235: cost element is missing", ["KI235"]),
        ("message no. /SCWM/L3 001", ["/SCWM/L3001"]),
        # Guard: a count or an ordinal after the words is no message number.
        ("Message no. 12345 of the batch was skipped", []),
        ("See message number 3 in the thread", []),
    ],
)
def test_a_message_number_as_sap_prints_it_is_a_code(text: str, codes: list[str]) -> None:
    assert error_codes(text) == codes


@pytest.mark.parametrize("query", ["AADSTS 50105", "aadsts50105", "Aadsts-50105", "AADSTS50105"])
def test_query_spellings_of_a_code_are_canonical(query: str) -> None:
    assert error_codes(query, any_case=True) == ["AADSTS50105"]


@pytest.mark.parametrize(
    ("text", "codes"),
    [
        # Before: "PL2291", so a paste of another product's "PL-2291" was answered "high" by a page
        # that only had its own article number in its byline.
        ("Artykuł nr KB-PL-2291 · Ostatnia aktualizacja: 5 marca 2024", []),
        ("KB-EN-2291", []),
        # A product's prefix before a code is the code's: "ACME-VPN-4012" is not another product's VPN-4012.
        ("ACME-VPN-4012: The gateway did not answer", ["ACMEVPN4012"]),
        ("ORA-12154: TNS could not resolve the connect identifier", ["ORA12154"]),
    ],
)
def test_a_knowledge_base_article_number_is_no_code(text: str, codes: list[str]) -> None:
    assert error_codes(text) == codes
    assert error_codes(text.lower(), any_case=True) == codes


@pytest.mark.parametrize(
    ("text", "codes"),
    [
        # Before: "AUTH401", so another product's "KC-AUTH-401" was the same code and answered "high".
        ("Error [HM-AUTH-401]: the server has asked for the client to provide credentials", ["HMAUTH401"]),
        ("Sync stopped (WMS-SCAN-2207) and retried", ["WMSSCAN2207"]),
        ("HM-SSPR_0029 was returned", ["HMSSPR_0029"]),
        # Guards: a part apart from the code, or not written in capitals as the code is, is not its prefix.
        ("Error AUTH-401 on sign-in", ["AUTH401"]),
        ("Retry-AUTH-401 was logged", ["AUTH401"]),
        ("the Gen2-AUTH-401 form", ["AUTH401"]),
    ],
)
def test_a_code_s_product_prefix_is_part_of_it(text: str, codes: list[str]) -> None:
    assert error_codes(text) == codes


def test_a_prefixed_code_is_read_alike_in_any_spelling_and_keeps_its_family() -> None:
    for query in ("Error [hm-auth-401]", "HM-AUTH-401", "HM-AUTH 401"):
        assert error_codes(query, any_case=True) == ["HMAUTH401"], query
    assert canonical_code("HM-AUTH-401") == canonical_code("HMAUTH401") == "HMAUTH401"
    assert error_codes("Error [KC-AUTH-401]: token rejected", any_case=True) == ["KCAUTH401"]
    # Codes of one product's family stay comparable: HM-AUTH-999 is of HM-AUTH-401's family.
    assert code_family(code_key("HM-AUTH-999")) == code_family(code_key("HM-AUTH-401")) == "HMAUTH"
    assert code_number(code_key("HM-AUTH-401")) == "401"


def test_lowercase_prefix_is_a_code_only_for_queries() -> None:
    assert error_codes("aadsts50105") == []
    assert error_codes("aadsts50105", any_case=True) == ["AADSTS50105"]


@pytest.mark.parametrize(
    ("text", "codes"),
    [
        # A code in lower case that "error code" labels, as some vendors print theirs, in English and in the
        # other languages' words for an error's code ("קוד שגיאה", "Fehlercode").
        ("We weren't able to connect. Sign in and we'll try again.\nError code: caa70004", ["CAA70004"]),
        ("האפליקציה לא נפתחת – קוד שגיאה sc41007", ["SC41007"]),
        ("Scan fehlgeschlagen (Fehlercode: smb0042)", ["SMB0042"]),
        ("同期できません（エラーコード：sy40021）", ["SY40021"]),
        # Not labelled, or no letters then digits: no code.
        ("the voucher abc12345 you typed", []),
        ("error code: see the log", []),
        ("exited with error code v2", []),
    ],
)
def test_a_code_in_lower_case_that_error_code_labels_is_a_code(text: str, codes: list[str]) -> None:
    assert error_codes(text) == codes


@pytest.mark.parametrize(
    "query",
    [
        "nobody can sign in to Office 365 since this morning",
        "brew compiles everything from source on my 2015 MacBook",
        "git clone exited with 128",
        "it worked until december 2023",
    ],
)
def test_a_word_and_a_number_apart_are_no_code_in_a_query(query: str) -> None:
    """A word apart from a number of three or four digits (a year, a version, a count) is no code
    unless it is written in capitals ("SSPR 0029")."""
    assert error_codes(query, any_case=True) == []


@pytest.mark.parametrize(
    ("code", "canonical"),
    [
        ("0x80070005", "0x80070005"),
        ("80070005", "0x80070005"),
        ("0X8007000a", "0x8007000A"),
        ("c0000374", "0xC0000374"),
        ("AADSTS 50105", "AADSTS50105"),
        ("aadsts50105", "AADSTS50105"),
        ("SSPR_0029", "SSPR_0029"),
        ("AttributeValueMustBeUnique", "AttributeValueMustBeUnique"),
    ],
)
def test_canonical_code(code: str, canonical: str) -> None:
    assert canonical_code(code) == canonical


def test_code_key_ignores_case_and_spelling() -> None:
    assert code_key("aadsts50105") == code_key("AADSTS 50105") == code_key("AADSTS50105")
    assert code_key("80070005") == code_key("0x80070005")
    assert code_key("attributevaluemustbeunique") == code_key("AttributeValueMustBeUnique")


def test_clean_undoes_copy_and_paste() -> None:
    pasted = "It\u2019s \u201cquoted\u201d\u00a0text \u2013 with\u200b a\n  broken   line"
    assert clean(pasted) == 'It\'s "quoted" text - with a broken line'


def test_clean_drops_a_soft_hyphen_and_a_word_joiner() -> None:
    # "time\u00adout" copied from a web page kept its soft hyphen, an invisible break point, so the
    # message pasted without it compared unequal; it is formatting, never text, on either side.
    copied = "Scale BZ-4471 reported a handshake time\u00adout on con\u2060nection 3"
    assert clean(copied) == "Scale BZ-4471 reported a handshake timeout on connection 3"
    assert comparable(copied) == comparable("Scale BZ-4471 reported a handshake timeout on connection 3")


def test_clean_keeps_a_visible_hyphen() -> None:
    # Guard: a hyphen that is written ("time-out", "BZ-4471") is text.
    assert (
        clean("Scale BZ-4471 reported a handshake time-out") == "Scale BZ-4471 reported a handshake time-out"
    )


ARTICLE_MESSAGE = (
    "AADSTS50011: The redirect URI '<Redirect URI>' specified in the request does not match the "
    "redirect URIs configured for the application '{0}'. App \\<AppGUID\\>, user <user>."
)
PASTED_MESSAGE = (
    "AADSTS50011: The redirect URI 'https://app.contoso.com/signin-oidc' specified in the request does "
    "not match the redirect URIs configured for the application '1f953789-0000-0000-0000-6f21508fd4e2'. "
    "App 00001111-aaaa-2222-bbbb-3333cccc4444, user jane.doe@fabrikam.com."
)


def test_placeholders_and_concrete_values_compare_equal() -> None:
    assert comparable(ARTICLE_MESSAGE) == comparable(PASTED_MESSAGE)
    assert comparable(ARTICLE_MESSAGE) == (
        "aadsts50011 the redirect uri specified in the request does not match the redirect uris "
        "configured for the application app user"
    )


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A placeholder or a masked secret is one right after a word too; a word's value only where it
        # starts a word: the version glued to "TLS" stays its words, the address after a space goes.
        ("Reply URL<redirect uri>does not match", "reply url does not match"),
        ("id{app-id}x and 50%s and %d rows", "id x and 50 and rows"),
        ("pwd:******** and **bold**", "pwd and bold"),
        ("Object&2 in library &3", "object 2 in library"),
        ("TLSv1.2 handshake failed, server 10.0.0.1:443", "tlsv1 2 handshake failed server"),
        ("python3.11: command not found, python 3.11 missing", "python3 11 command not found python missing"),
    ],
)
def test_values_are_dropped_where_they_start_next_to_a_word(text: str, expected: str) -> None:
    assert comparable(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        ARTICLE_MESSAGE,
        PASTED_MESSAGE,
        "Sign-in failed for admin@contoso.onmicrosoft.com",
        "mail to j.doe+1@mail.example.co.uk bounced, and x@y",
        "Cannot reach srv01.corp.contoso.com:443 or CONTOSO.COM, nor foo.Com/bar",
        "A user@host without a domain, a.b.c.d and v1.2.3.in",
        "@@@ .. .com .co.",
    ],
)
def test_values_are_dropped_alike_with_or_without_the_address_alternatives(text: str) -> None:
    """A text is searched without the e-mail and host alternatives when it cannot hold one: it
    reads as it did with every alternative tried."""
    lowered = clean(text).lower()
    full = " ".join(_WORDS.findall(_LOWER_VARIABLES.sub(" ", lowered)))
    assert comparable(text) == full


def test_a_format_string_s_conversions_are_placeholders() -> None:
    """A message catalogue gives the text as the program formats it ("Login failed for user '%.*ls'."):
    each conversion stands for the value a reader's copy has there."""
    catalogued = "Replication to '%.*ls' stopped after %d retries (%s).%.*ls"
    pasted = "Replication to 'LEDGER02\\BATCH' stopped after 12 retries (timeout)."
    assert comparable(catalogued) == "replication to stopped after retries"
    assert comparable(pasted) == "replication to ledger02 batch stopped after 12 retries timeout"
    # A percentage is a value of its own, not a conversion.
    assert comparable("Disk is 95% full, 5%done") == "disk is 95 full 5 done"


def test_versions_in_a_message_are_values() -> None:
    """A doc's example versions and the ones a person pasted differ; the message is the same."""
    article = "Cannot install widget==0.44.1 and gadget==4.3.0 because they need sprocket<3.0 and v1.7.2"
    pasted = "Cannot install widget==2.0 and gadget==2.1 because they need sprocket<1.27 and v1.8.0"
    assert (
        comparable(article)
        == comparable(pasted)
        == "cannot install widget and gadget because they need sprocket and"
    )


def test_timestamps_and_ids_in_a_pasted_message_are_dropped() -> None:
    article = "Trace ID: {trace-id} Correlation ID: <correlation-id> Timestamp: <timestamp>"
    pasted = (
        "Trace ID: 0a1b2c3d-1111-2222-3333-444455556666 "
        "Correlation ID: 12345678-aaaa-bbbb-cccc-1234567890ab Timestamp: 2024-03-02 01:00:13Z"
    )
    assert comparable(article) == comparable(pasted) == "trace id correlation id timestamp"


@pytest.mark.parametrize(
    "line",
    [
        "Volume widget-data failed to attach: disk not found",
        "2024-05-01 09:00:01,123 ERROR [worker-3] Volume widget-data failed to attach: disk not found",
        # klog, as Kubernetes components write it
        "E0501 09:00:01.123456       7 attach.go:88] Volume widget-data failed to attach: disk not found",
        # a journal line around a klog line
        "May  1 09:00:01 node-a kubelet[812]: E0501 09:00:01.123456     812 attach.go:88] "
        "Volume widget-data failed to attach: disk not found",
        # logfmt, quoted as is and as it looks inside an escaped JSON string
        'time="2024-05-01T09:00:01Z" level=error msg=Volume widget-data failed to attach: disk not found',
        'time=\\"2024-05-01T09:00:01.5Z\\" level=info msg=Volume widget-data failed to attach: disk not found',
        # a logger in brackets, or log4j's thread, between the time and the level
        "2024-05-01 09:00:01 [attach.worker] ERROR Volume widget-data failed to attach: disk not found",
        "2024-05-01 09:00:01,123+0000 attach-thread-2 ERROR Volume widget-data failed to attach: disk not found",
    ],
)
def test_log_prefixes_of_common_formats_are_dropped(line: str) -> None:
    assert log_lines([line]) == ["Volume widget-data failed to attach: disk not found"]


def test_routine_lines_of_a_log_give_way_to_the_lines_that_say_what_failed() -> None:
    log = [
        'time="2024-05-01T09:00:01Z" level=info msg="Attaching volume widget-data to node-a"',
        "I0501 09:00:01.200000       7 attach.go:40] Waiting for the device",
        "E0501 09:00:02.123456       7 attach.go:88] Volume widget-data failed to attach: disk not found",
        "Output: no such device",
        "2024-05-01 09:00:03 DEBUG [worker-3] retrying",
    ]
    assert log_lines(log) == ["Volume widget-data failed to attach: disk not found", "Output: no such device"]
    routine = [log[0], log[1]]
    assert log_lines(routine) == ['"Attaching volume widget-data to node-a"', "Waiting for the device"]


def test_without_failure_marks_a_routine_line_may_be_the_message() -> None:
    output = [
        "Collecting widget",
        "INFO: the resolver is trying several versions of widget; this could take a while.",
        "  Downloading widget-2.0.tar.gz",
    ]
    assert log_lines(output) == [
        "Collecting widget",
        "the resolver is trying several versions of widget; this could take a while.",
        "Downloading widget-2.0.tar.gz",
    ]


@pytest.mark.parametrize(
    ("line", "message"),
    [
        # Ansible's: a level word that ends in "!" is part of what it says, not a prefix before a "!".
        ("ERROR! Attempting to decrypt but no vault secrets found", None),
        # A level, then its host or task in brackets and a colon, as Ansible and many tools print them.
        ('fatal: [db01]: FAILED! => {"changed": false}', 'FAILED! => {"changed": false}'),
        ("2024-05-01 09:00:01 ERROR [worker-3]: Volume widget-data failed", "Volume widget-data failed"),
    ],
)
def test_a_level_prefix_leaves_no_punctuation_of_its_own_before_the_message(
    line: str, message: str | None
) -> None:
    # "ERROR! Attempting …" was "! Attempting …", "fatal: [db01]: FAILED!" was ": FAILED!".
    assert log_lines([line]) == [message or line]


@pytest.mark.parametrize("line", ["Error from server (NotFound): x", "Mar 3 is the day", "time=2 minutes"])
def test_text_that_only_starts_like_a_log_prefix_is_kept(line: str) -> None:
    assert log_lines([line]) == [line]


def test_a_logger_before_the_level_makes_the_line_a_logged_failure_but_a_word_of_prose_does_not() -> None:
    # Before: the logger between the time and the level hid the level, so a post's log excerpt was
    # not read as the failure it logged.
    assert logged_as_failure("2024-05-01 09:00:01 [attach.worker] ERROR Volume widget-data failed")
    assert not logged_as_failure("2024-05-01 09:00:01 the ERROR count rose after the upgrade")


def test_pasted_smart_quotes_and_line_breaks_compare_equal() -> None:
    article = "Invalid value specified for property 'mailNickname' of resource 'User'."
    pasted = "Invalid value specified for property \u2018mailNickname\u2019\n of resource \u2018User\u2019."
    assert comparable(article) == comparable(pasted)


def test_different_messages_stay_different() -> None:
    group = comparable("Invalid value specified for property 'mailNickname' of resource 'Group'.")
    user = comparable("Invalid value specified for property 'mailNickname' of resource 'User'.")
    assert group != user


@pytest.mark.parametrize(
    ("text", "codes"),
    [
        ("Your connection is not private NET::ERR_CERT_AUTHORITY_INVALID", ["ERR_CERT_AUTHORITY_INVALID"]),
        ("GetLastError returned ERROR_ACCESS_DENIED (5)", ["GetLastError", "ERROR_ACCESS_DENIED"]),
        ("session setup failed: NT_STATUS_LOGON_FAILURE", ["NT_STATUS_LOGON_FAILURE"]),
        ("AcceptSecurityContext: SEC_E_INVALID_TOKEN", ["SEC_E_INVALID_TOKEN"]),
        ("The RPC call returned RPC_S_SERVER_UNAVAILABLE", ["RPC_S_SERVER_UNAVAILABLE"]),
        # gRPC's canonical status names, as Google's APIs return them beside the HTTP status.
        ('"status": "RESOURCE_EXHAUSTED"', ["RESOURCE_EXHAUSTED"]),
        ("rpc error: code = ALREADY_EXISTS desc = bucket taken", ["ALREADY_EXISTS"]),
        ("The page index was OUT_OF_RANGE", ["OUT_OF_RANGE"]),
        ("Set HOMEBREW_FORBIDDEN_LICENSES, PIP_TIMEOUT and JAVA_HOME first", []),
        ("Raise MAX_RETRIES_EXISTING and DROP_IF_EXISTS_MODE", []),
        ("HTTP_STATUS_CODE was 200", []),
    ],
)
def test_error_names_written_as_constants_are_codes(text: str, codes: list[str]) -> None:
    """Browsers', Windows' and C libraries' error names; settings written alike are none."""
    assert error_codes(text) == codes


def test_messages_in_other_scripts_compare_by_their_words() -> None:
    """With ASCII letters only, a Russian message compared as nothing at all, like any other."""
    vpn = comparable("Не удалось установить соединение с сервером VPN: истекло время ожидания")
    assert vpn == "не удалось установить соединение с сервером vpn истекло время ожидания"
    assert vpn != comparable("Не удалось войти: неверный пароль")
    assert comparable("Zugriff für Benutzer verweigert") == "zugriff für benutzer verweigert"


@pytest.mark.parametrize(
    ("text", "codes"),
    [
        ("Faulting module time stamp: 0x5965450e, exception code: 0xc0000374", ["0xC0000374"]),
        ("InvalidUPNFormat and ADCredsNotValid", ["InvalidUPNFormat", "ADCredsNotValid"]),
        (
            "MIISSyncIsInProgressError, InstallPathLengthTooLong",
            ["MIISSyncIsInProgressError", "InstallPathLengthTooLong"],
        ),
        ("FullyQualifiedErrorId : CommandNotFoundException", ["CommandNotFoundException"]),
    ],
)
def test_error_names_with_acronyms_and_labels(text: str, codes: list[str]) -> None:
    assert error_codes(text) == codes


def test_code_key_ignores_the_underscore() -> None:
    assert code_key("SSPR_0029") == code_key("sspr 0029") == code_key("SSPR0029")


@pytest.mark.parametrize(
    ("text", "codes"),
    [
        (
            "Failed to create Order: 400 urn:ietf:params:acme:error:badCSR: key too small",
            ["urn:ietf:params:acme:error:badCSR"],
        ),
        ('"type": "URN:IETF:PARAMS:ACME:ERROR:RATELIMITED"', ["URN:IETF:PARAMS:ACME:ERROR:RATELIMITED"]),
        # Names of other things written as URNs, and a URN only in part, are none.
        ("NameID format urn:oasis:names:tc:SAML:2.0:status:Responder", []),
        ("grant_type=urn:ietf:params:oauth:grant-type:device_code", []),
        ("see myurn:x:error:y and urn:error:", []),
    ],
)
def test_error_types_written_as_urns_are_codes(text: str, codes: list[str]) -> None:
    assert error_codes(text) == codes


@pytest.mark.parametrize(
    ("text", "codes"),
    [
        # A Node error's code, as npm prints it first ("npm ERR! code …", npm 9's "npm error code …")
        # and Node's inspection of an error quotes it ("code: 'ENOENT'").
        ("npm ERR! code ERESOLVE\nnpm ERR! ERESOLVE unable to resolve dependency tree", ["ERESOLVE"]),
        ("npm error code E401\nnpm error Unable to authenticate", ["E401"]),
        ("[Error: EACCES: permission denied] { errno: -13, code: 'EACCES', syscall: 'mkdir' }", ["EACCES"]),
        # A word in capitals after "code" elsewhere is none: an exit code, a placeholder, a level.
        ("the installer exited with code ERROR and logged EACCES", []),
        ("Enter the code EXAMPLE from the e-mail", []),
    ],
)
def test_node_error_codes_npm_and_node_label_are_codes(text: str, codes: list[str]) -> None:
    assert error_codes(text) == codes


@pytest.mark.parametrize(
    ("key", "family"),
    [
        ("AADSTS50105", "AADSTS"),
        ("URN:IETF:PARAMS:ACME:ERROR:BADCSR", "URN:IETF:PARAMS:ACME:ERROR:"),
        ("NSURLERRORDOMAIN:-1202", "NSURLERRORDOMAIN:"),
        ("COM.APPLE.ACCOUNTS:6", "COM.APPLE.ACCOUNTS:"),
        ("0x80070005", None),
        ("ATTRIBUTEVALUEMUSTBEUNIQUE", None),
        # An error's number written alone ("Error 21610" in a title) has no family.
        ("21610", None),
    ],
)
def test_a_code_s_family_is_its_letters_its_urn_namespace_or_its_domain(key: str, family: str | None) -> None:
    assert code_family(key) == family


@pytest.mark.parametrize(
    ("key", "number"),
    [
        ("AADSTS50105", "50105"),
        ("E330", "330"),
        ("SSPR0029", "0029"),
        ("IDX10501", "10501"),
        ("21610", "21610"),
    ]
    + [
        (key, None)
        for key in ("0x80070005", "SQL0911N", "ATTRIBUTEVALUEMUSTBEUNIQUE", "LINK-3-UPDOWN", "E12")
    ],
)
def test_a_code_of_letters_then_digits_has_a_number(key: str, number: str | None) -> None:
    assert code_number(key) == number


@pytest.mark.parametrize(
    ("text", "numbers"),
    [
        ("Sign-in error code 50105", ["50105"]),
        ('"errorCode": 50105, "failureReason": "Other."', ["50105"]),
        ("Error Code - 1789, then error 1603", ["1789", "1603"]),
        ('error_code="7000215"', ["7000215"]),
        ("on my 2015 MacBook", []),
        ("exited with 128", []),
        ("code 2 of 3", []),
        ("3 errors 500 times", []),
        # A status's, an exit's or an HTTP error's number names no code of the knowledge base's.
        ("the API returned HTTP status code 500", []),
        ("exit code 128", []),
        ('"code": 50105.0', []),
        # In the words other languages label an error's number with, and a database server's message
        # header ("Msg <number>, Level <severity>, State <state>"), whose number is the error's.
        ("Scan an E-Mail: Fehlercode 2101 - Authentifizierung abgelehnt", ["2101"]),
        ("Fehler 0815 beim Import", ["0815"]),
        ("Rejeição 539 - Duplicidade de NF-e", ["539"]),
        ("Código de error 1045 al conectar", ["1045"]),
        ("Msg 18456, Level 14, State 1, Server SQLHR01, Line 1", ["18456"]),
        ("Error: 18456, Severity: 14, State: 8.", ["18456"]),
        # In Chinese, Japanese and Korean, by their words for an error or its code, written without spaces
        # around them and with a full-width colon.
        ("设备显示“离线”（错误码 2005）", ["2005"]),
        ("同步失败，错误代码：1102。", ["1102"]),
        ("連線中斷（錯誤碼3021）", ["3021"]),
        ("エラーコード：4031 ログインできません", ["4031"]),
        ("오류 코드 5002: 연결 실패", ["5002"]),
        # Beside the words in English, whichever comes first.
        ("Sync error 1603, then 错误码 2005", ["1603", "2005"]),
        # A word that only opens a longer one, and a count of messages, label no number.
        ("Fehlerbehebung 2024 im Überblick", []),
        ("错误地设置了 300 秒的超时", []),
        ("共有 2005 台设备，代码 1102", []),
        ("Msg 3 of 120 was delivered", []),
        # An HTTP error's status is one with its reason phrase, as a status line or a section writes it.
        ("HTTP/1.1 403 Forbidden", ["403"]),
        ("## 504 Gateway Timeout", ["504"]),
        ("POST /v2/payments returned 429 Too Many Requests", ["429"]),
        ("the gateway answers HTTP 401 to every call", ["401"]),
        # As Python's urllib prints one: a status as "HTTP 500" is, not an error's own number.
        ("HTTP Error 500 from the proxy", ["500"]),
        ("500 users were synced, 404 of them new", []),
        ("version 2.404 Not Found in the cache", []),
    ],
)
def test_numbers_labelled_as_error_codes(text: str, numbers: list[str]) -> None:
    assert labelled_numbers(text) == numbers


def test_without_statuses_an_error_s_number_that_may_be_a_status_is_none() -> None:
    assert labelled_numbers("Error 500 - license service unavailable, then error 1603") == ["500", "1603"]
    assert labelled_numbers("Error 500 - license service unavailable, then error 1603", statuses=False) == [
        "1603"
    ]
    assert labelled_numbers("HTTP/1.1 403 Forbidden", statuses=False) == []


def test_a_github_actions_error_mark_is_a_failure_level_and_the_runner_s_step_line_no_message() -> None:
    # The log was kept whole: "Run lanterna/publish-action@v3 ##[error]QuotaError: …", the runner's
    # line and the mark glued to the message, for the article and for a pasted log alike.
    log = [
        "2025-01-09T08:12:40.1178802Z Run lanterna/publish-action@v3",
        "2025-01-09T08:12:44.5530017Z ##[error]QuotaError: Artifact storage quota has been hit for the repository",
    ]
    assert log_lines(log) == ["QuotaError: Artifact storage quota has been hit for the repository"]
    assert logged_as_failure(log[1])
    assert log_lines(["##[warning]The set-output command is deprecated"]) == [
        "The set-output command is deprecated"
    ]


def test_a_run_line_without_a_github_actions_mark_stays_part_of_the_message() -> None:
    # Guard: "Run …" is a program's own words where no "##[error]" marks the log as a runner's.
    log = ["ERROR: dependency tree is broken", "Run 'pkgfix --repair' to correct it."]
    assert log_lines(log) == ["dependency tree is broken", "Run 'pkgfix --repair' to correct it."]


def test_a_terraform_diagnostic_is_its_summary_and_detail_without_its_box_and_place() -> None:
    # The box's walls and the lines that say where it arose ("with …,", "on FILE line N, …:", the
    # source line) were kept in the message, and outweighed its words, for an article and a paste alike.
    box = [
        "\u2577",
        "\u2502 Error: Conflicting storage arguments",
        "\u2502",
        "\u2502   with zephyr_bucket.logs,",
        '\u2502   on storage.tf line 14, in resource "zephyr_bucket" "logs":',
        '\u2502   14: resource "zephyr_bucket" "logs" {',
        "\u2502     \u251c\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500",
        '\u2502     \u2502 var.tier is "cold"',
        "\u2502",
        '\u2502 "tier": conflicts with archive_days, set only one of them.',
        "\u2575",
    ]
    assert log_lines(box) == [
        "Conflicting storage arguments",
        '"tier": conflicts with archive_days, set only one of them.',
    ]


def test_a_tree_drawn_with_the_same_walls_stays_as_it_is() -> None:
    # Guard: a tree a command printed is no diagnostic: its walls and numbered lines stay.
    tree = ["backup-job", "\u2502 12: retry scheduled", "\u2502 on node-3 line 2:"]
    assert log_lines(tree) == tree


@pytest.mark.parametrize(
    "text",
    [
        "org.springframework.jdbc.CannotGetJdbcConnectionException: Failed to obtain JDBC Connection",
        "Caused by: java.sql.SQLTransientConnectionException: HikariPool-1 - Connection is not available",
        "kafka.errors.KafkaTimeoutError: Failed to update metadata after 60.0 secs.",
        "requests.exceptions.ConnectionError: HTTPSConnectionPool(host='api', port=443)",
    ],
)
def test_an_exception_class_under_its_package_path_is_a_type_not_a_code(text: str) -> None:
    """Java and Python print a raised exception's class under its lower-case package path: the
    kind of failure (a wrapper, or one that a hundred causes raise), not one failure. Before, each
    was a code, and a paste with the same class and another message was answered high."""
    assert error_codes(text) == []


def test_an_error_name_without_a_package_path_is_still_a_code() -> None:
    # PowerShell's error id, .NET's capitalised namespaces and a name in prose are left as they were.
    assert error_codes("FullyQualifiedErrorId : CommandNotFoundException") == ["CommandNotFoundException"]
    assert error_codes("System.ComponentModel.Win32Exception: Access is denied") == ["Win32Exception"]
    assert error_codes("The sync fails with AttributeValueMustBeUnique") == ["AttributeValueMustBeUnique"]


def test_a_java_stack_trace_is_its_root_cause() -> None:
    """The wrappers over the last "Caused by:" are raised alike by any other cause, and a cause's
    "... 12 more" is no text."""
    trace = [
        "2026-01-12 03:00:01.220 WARN  Import of batch 4411 aborted",
        "org.springframework.dao.DataIntegrityViolationException: could not execute batch",
        "\tat org.hibernate.engine.jdbc.batch.internal.BatchingBatch.performExecution(BatchingBatch.java:111)",
        "Caused by: org.hibernate.exception.ConstraintViolationException: could not execute batch",
        "\t... 12 more",
        "Caused by: java.sql.BatchUpdateException: ORA-00001: unique constraint (SALES.UK_ORDER_REF) violated",
        "\tat oracle.jdbc.driver.OraclePreparedStatement.executeLargeBatch(OraclePreparedStatement.java:9711)",
        "\t... 12 more",
    ]
    assert log_lines(trace) == [
        "Import of batch 4411 aborted",
        "java.sql.BatchUpdateException: ORA-00001: unique constraint (SALES.UK_ORDER_REF) violated",
    ]
    # An exception without causes, and text that only says "caused by", are kept whole.
    assert log_lines(["java.lang.IllegalStateException: queue full", "\tat a.B.c(B.java:1)"]) == [
        "java.lang.IllegalStateException: queue full"
    ]
    assert log_lines(["The outage was caused by: a full disk"]) == ["The outage was caused by: a full disk"]


@pytest.mark.parametrize(
    ("text", "codes"),
    [
        (
            'Task <4F1A> finished with error [-1202] Error Domain=NSURLErrorDomain Code=-1202 "The certificate '
            'for this server is invalid."',
            ["NSURLErrorDomain:-1202"],
        ),
        (
            'Error Domain=com.apple.accounts Code=6 "(null)" UserInfo={NSUnderlyingError=0x6000 '
            '{Error Domain=NSOSStatusErrorDomain Code=-25300 "(null)"}}',
            ["com.apple.accounts:6", "NSOSStatusErrorDomain:-25300"],
        ),
    ],
)
def test_an_nserror_is_named_by_its_domain_and_code_together(text: str, codes: list[str]) -> None:
    """An Apple error's domain is the family of every error its framework reports: the code in it
    tells them apart. Before, the domain alone was the code and any error of the domain matched."""
    assert error_codes(text) == codes
    assert error_codes(text, any_case=True) == codes


def test_an_error_domain_named_without_its_code_is_still_a_name() -> None:
    assert error_codes("Failures in NSURLErrorDomain are retried") == ["NSURLErrorDomain"]


def test_an_event_viewer_event_is_its_description() -> None:
    """Its header fields are on every event of a log (and its date and computer are values): as the
    message, they made an event of another service look the same."""
    event = [
        "Log Name:      Application",
        "Source:        Application Error",
        "Date:          11/4/2025 6:02:19 PM",
        "Event ID:      1000",
        "Task Category: (100)",
        "Level:         Error",
        "User:          N/A",
        "Computer:      APP07.corp.example.com",
        "Description:",
        "Faulting application name: billing.exe, version: 4.2.0.0, time stamp: 0x6541a2b0",
        "Exception code: 0xc0000005",
    ]
    assert log_lines(event) == [
        "Description:",
        "Faulting application name: billing.exe, version: 4.2.0.0, time stamp: 0x6541a2b0",
        "Exception code: 0xc0000005",
    ]
    # Fields that are no event's, and an event's fields without its description, stay as they are.
    fields = ["Event ID: 4625", "Account Name: jdoe", "Failure Reason: Unknown user name or bad password."]
    assert log_lines(fields) == fields


@pytest.mark.parametrize(
    ("text", "codes"),
    [
        # A device's or shell's prompt: the host after "user@" is the machine's name, not a code.
        ("admin@PA-3220> show log system", []),
        ("ops@FW-5250# run show vpn ike-sa", []),
        # Guard: a code elsewhere on the prompt's line is still one.
        ("admin@fw01> show log system: VPN-4012 gateway did not answer", ["VPN4012"]),
        ("ORA-12154: TNS could not resolve the connect identifier", ["ORA12154"]),
    ],
)
def test_a_prompt_s_host_name_is_no_code(text: str, codes: list[str]) -> None:
    assert error_codes(text) == codes
    assert error_codes(text.lower(), any_case=True) == codes


@pytest.mark.parametrize(
    "line",
    [
        # Spring Boot's: time, level, process id, "---", thread, logger (shortened, padded), ":".
        "2026-01-30 02:10:44.871 ERROR 30817 --- [sync-pool-2] c.a.l.sync.PostingWriter : Posting rejected",
        "2026-01-30 02:10:44.871  WARN 30817 --- [           main] o.s.b.SpringApplication                  : "
        "Posting rejected",
        # Spring Boot 3.2's, with the application's name in brackets before the thread.
        "2026-01-30T02:10:44.871Z ERROR 30817 --- [ledger] [sync-pool-2] c.a.l.sync.PostingWriter : Posting rejected",
        # Airflow's task log: the time in brackets with its zone, the source file and line in braces,
        # the level and a dash, and the time a tool it runs (dbt) prints its own lines with.
        "[2026-03-04, 10:12:01 UTC] {taskinstance.py:1937} ERROR - Posting rejected",
        "[2026-03-04, 02:41:09 UTC] {subprocess.py:93} INFO - 02:41:08    Posting rejected",
        "[2026-03-04T02:41:09.120+0000] {taskinstance.py:1937} ERROR - Posting rejected",
    ],
)
def test_a_framework_s_whole_log_prefix_is_dropped(line: str) -> None:
    assert log_lines([line]) == ["Posting rejected"]


@pytest.mark.parametrize(
    ("line", "message"),
    [
        # Guards: a list's item keeps its dash; a number after a level that no "---" follows is the
        # message's; a date then a count is no time stamp.
        ("- 3 postings were rejected", "- 3 postings were rejected"),
        ("2026-01-30 02:10:44 ERROR 3 postings were rejected --- see the report", None),
        ("2026-01-30, 3 postings were rejected", ", 3 postings were rejected"),
    ],
)
def test_text_that_only_looks_like_a_framework_s_prefix_is_kept(line: str, message: str | None) -> None:
    assert log_lines([line]) == [message or line.split("ERROR ", 1)[1]]


def test_an_airflow_task_log_s_relayed_lines_are_kept_beside_its_error_line() -> None:
    # The task's own output is logged at INFO by the runner: read as routine, it gave way to the
    # runner's "Task failed with exception", and the failure's message was lost.
    log = [
        "[2026-03-04, 02:41:09 UTC] {subprocess.py:93} INFO - 02:41:08    Posting rejected: ledger closed",
        "[2026-03-04, 02:41:12 UTC] {taskinstance.py:1937} ERROR - Task failed with exception",
    ]
    assert log_lines(log) == ["Posting rejected: ledger closed", "Task failed with exception"]


@pytest.mark.parametrize(
    ("text", "names"),
    [
        (
            "Get-MgUser : The term 'Get-MgUser' is not recognized as the name of a cmdlet, function",
            {"get mguser"},
        ),
        (
            "Get-MgUser: The term 'Get-MgUser' is not recognized as a name of a cmdlet, function",
            {"get mguser"},
        ),
        ("'kubectl' is not recognized as an internal or external command,", {"kubectl"}),
        # Guards: a template's placeholder names no command, and other words "not recognized" none.
        ("The term '<cmdlet>' is not recognized as the name of a cmdlet", set()),
        ("The certificate 'CN=web01' is not recognized as trusted", set()),
    ],
)
def test_a_shell_s_missing_command_is_named(text: str, names: set[str]) -> None:
    assert missing_commands(comparable(text)) == names


_SET_AD_USER = """Set-ADUser : Insufficient access rights to perform the operation
At C:\\Scripts\\Onboard-User.ps1:88 char:5
+     Set-ADUser -Identity $SamAccountName -Manager $Manager
+     ~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~
    + CategoryInfo          : NotSpecified: (jdoe:ADUser) [Set-ADUser], ADException
    + FullyQualifiedErrorId : ActiveDirectoryServer:8344,Microsoft.ActiveDirectory.Management.Commands.SetADUser"""


@pytest.mark.parametrize(
    ("text", "codes"),
    [
        # Before: the category NotSpecified, which thousands of records print, and not the error's id.
        (_SET_AD_USER, ["ADException", "ActiveDirectoryServer:8344"]),
        (
            "Remove-Item : Cannot find path 'C:\\Temp\\x' because it does not exist.\n"
            "    + CategoryInfo          : ObjectNotFound: (C:\\Temp\\x:String) [Remove-Item], ItemNotFoundException\n"
            "    + FullyQualifiedErrorId : PathNotFound,Microsoft.PowerShell.Commands.RemoveItemCommand",
            ["ItemNotFoundException", "PathNotFound"],
        ),
        (
            "Get-MgUser : The term 'Get-MgUser' is not recognized as the name of a cmdlet\n"
            "    + CategoryInfo          : ObjectNotFound: (Get-MgUser:String) [], CommandNotFoundException\n"
            "    + FullyQualifiedErrorId : CommandNotFoundException",
            ["CommandNotFoundException"],
        ),
        # Guards: the same names outside a record's fields are still codes.
        ("Sync reports NotSpecified for the attribute", ["NotSpecified"]),
    ],
)
def test_a_powershell_error_record_is_identified_by_its_error_id_not_its_category(
    text: str, codes: list[str]
) -> None:
    assert error_codes(text) == codes
    assert error_codes(text, any_case=True) == codes


def test_a_domain_s_numbered_error_is_a_code_a_query_may_name_alone() -> None:
    assert "ActiveDirectoryServer:8344" in codes_if_known("ActiveDirectoryServer:8344")
    assert code_family(code_key("ActiveDirectoryServer:8344")) == "ACTIVEDIRECTORYSERVER:"


@pytest.mark.parametrize(
    ("text", "codes"),
    [
        # As PostgreSQL's drivers (Go's pgx and lib/pq), JDBC and pgAdmin print it, and Db2's clients.
        ('ERROR: relation "ledger_rows" does not exist (SQLSTATE 42P01)', ["SQLSTATE42P01"]),
        ("pq: could not serialize access due to concurrent update (sqlstate 40001)", ["SQLSTATE40001"]),
        ("SQL state: 23505\nDetail: Key (email)=(a@b.example) already exists.", ["SQLSTATE23505"]),
        ("SQL Error: 0, SQLState: 08S01", ["SQLSTATE08S01"]),
        ("DB2 SQL Error: SQLCODE=-1224, SQLSTATE=55032, SQLERRMC=null, DRIVER=4.26.14", ["SQLSTATE55032"]),
        (
            "SQL0911N  The current transaction has been rolled back.  SQLSTATE=40001",
            ["SQL0911N", "SQLSTATE40001"],
        ),
        (
            "SQLSTATE[42S02]: Base table or view not found: 1146 Table 'shop.carts' doesn't exist",
            ["SQLSTATE42S02"],
        ),
        # A class without a subclass ("000") is what thousands of a server's errors share: MySQL reports
        # every broken constraint as 23000, and its own number tells them apart.
        ("SQLSTATE[23000]: Integrity constraint violation: 1062 Duplicate entry '7' for key 'PRIMARY'", []),
        ("SQLSTATE[HY000] [2002] Connection refused", []),
        ("ERROR 1452 (23000): Cannot add or update a child row", []),
        # MySQL's client gives the state in brackets after the error's number; a class alone is none there too.
        ("ERROR 1146 (42S02): Table 'shop.carts' doesn't exist", ["SQLSTATE42S02"]),
        ("ERROR 2002 (HY000): Can't connect to local server through socket", []),
        # With "ERROR" cut as a log's level, the number opens a line of the text, not only its first.
        ("1146 (42S02): Table 'shop.carts' doesn't exist", ["SQLSTATE42S02"]),
        ("mysql -u root shop\n1146 (42S02): Table 'shop.carts' doesn't exist", ["SQLSTATE42S02"]),
        ("mysql -u root shop\n2002 (HY000): Can't connect to local server", []),
        ("SQLSTATE 23000", []),
        # Guards: five characters that no SQLSTATE label names, and a state that is not five characters.
        ("the state 42P01 of the machine", []),
        ("SQLSTATE 4200 was logged", []),
    ],
)
def test_a_database_s_sqlstate_is_a_code(text: str, codes: list[str]) -> None:
    """The five-character SQLSTATE of the SQL standard, as a database's clients print it beside a
    message ("(SQLSTATE 42P01)", "SQLSTATE=57019", "SQLSTATE[42S02]: …"), says which error it is, in
    every client's words. Before, only "SQLSTATE 23000" written with a space and digits alone was one."""
    assert error_codes(text) == codes
    assert error_codes(text, any_case=True) == codes


@pytest.mark.parametrize(
    ("text", "numbers"),
    [
        # PHP's PDO: "SQLSTATE[<state>]: <the state's words>: <the driver's code> <its message>", and for
        # a failed connection "SQLSTATE[<state>] [<the driver's code>] <its message>".
        (
            "SQLSTATE[23000]: Integrity constraint violation: 1062 Duplicate entry '7' for key 'PRIMARY'",
            ["1062"],
        ),
        ("SQLSTATE[HY000] [2002] Connection refused", ["2002"]),
        # PostgreSQL's driver gives its result status (7), no error's number.
        ('SQLSTATE[42P01]: Undefined table: 7 ERROR:  relation "carts" does not exist', []),
        # Guard: a count after a colon elsewhere is no error's number.
        ("Integrity check: 1062 rows verified", []),
    ],
)
def test_pdo_s_driver_code_after_the_sqlstate_is_an_error_s_number(text: str, numbers: list[str]) -> None:
    assert labelled_numbers(text) == numbers


@pytest.mark.parametrize(
    ("text", "codes"),
    [
        # A device's or a form's code of one letter, a hyphen and digits, where the text marks it as one:
        # after "error", as a line's label, alone on a line, or opening a line a display prints in capitals.
        ("call the service desk and quote error E-217 and the serial number", ["E217"]),
        ("E-217: terminal not activated", ["E217"]),
        ("E-217", ["E217"]),
        ("    E-217 TERMINAL NOT ACTIVATED", ["E217"]),
        ("E217 TERMINAL NOT ACTIVATED", ["E217"]),
        # After the words for an error or its code in Chinese, Japanese and Korean, as after "error code:".
        ("エラーコード: E-5031 同期に失敗しました。", ["E5031"]),
        ("「エラーコード：E-5031」と表示される", ["E5031"]),
        ("同步失败（错误码：E-5031）", ["E5031"]),
        ("오류 코드 E-5031", ["E5031"]),
        # Guards: the same shape unmarked is a model, a form or a part.
        ("型番 E-5031 のプリンター", []),
        ("Replace the F-150 filter before winter", []),
        ("A-100 GPU not detected", []),
        ("Fill in form W-4 and send it", []),
        ("T-800 MODEL", []),
    ],
)
def test_a_one_letter_code_with_a_hyphen_is_a_code_where_the_text_marks_it(
    text: str, codes: list[str]
) -> None:
    """Before, only "E217" written without a hyphen was a code where marked, so "error E-217" and a
    display's "E-217 TERMINAL NOT ACTIVATED" gave their problem none."""
    assert error_codes(text) == codes
    assert error_codes(text, any_case=True) == codes


@pytest.mark.parametrize(
    "line",
    [
        # syslog as load balancers and syslog-ng templates write it: the severity between host and program
        "Jun 7 02:13:44 edge-lb7 err mcpd[5521]: 010717e3:3: Client SSL profile shop-ssl cannot be updated",
        "Jun  7 02:13:44 lb-2 warning tmm3[118]: 010717e3:3: Client SSL profile shop-ssl cannot be updated",
    ],
)
def test_a_syslog_prefix_with_a_severity_before_the_program_is_dropped(line: str) -> None:
    """A syslog line whose severity stands between host and program kept its date, host and pid as the
    message's words: the same line from another box compared as another message."""
    assert log_lines([line]) == ["010717e3:3: Client SSL profile shop-ssl cannot be updated"]


@pytest.mark.parametrize(
    ("text", "codes"),
    [
        ("QDX-E4107: SMTP STARTTLS negotiation failed", ["QDXE4107"]),
        ("Language pack not found (OCR-W0712).", ["OCRW0712"]),
        (
            "2026-03-02 10:11:12 [main] PRT-I2210 Job queued; PRT-F0091 Spooler stopped",
            ["PRTI2210", "PRTF0091"],
        ),
    ],
)
def test_a_vendor_message_id_with_its_severity_letter_before_the_number_is_a_code(
    text: str, codes: list[str]
) -> None:
    """A product's message ID of a component prefix, a hyphen, then a severity letter (E, W, I, F) and
    its number ("QDX-E4107", as release notes and device logs print them) names the message: it was no
    code at all, so the code pasted alone was not answered."""
    assert error_codes(text) == codes
    # As people retype it, and as the prefixed codes' canonical spelling has it (no hyphen).
    assert error_codes(text.lower(), any_case=True) == codes
    assert canonical_code("qdx-e4107") == canonical_code("QDXE4107") == "QDXE4107"


@pytest.mark.parametrize(
    "text",
    [
        "the new TX-E50 speaker",  # a model: two digits
        "Intel Xeon E-2288G and E5-2690 v4",  # processor names
        "USB-C1234 cable",  # no severity letter
        "a re-e1234 rerun",  # lower case in an article
    ],
)
def test_other_hyphened_letter_numbers_are_no_vendor_message_id(text: str) -> None:
    """Guard: a model, a processor or a part number is no message ID."""
    assert error_codes(text) == []


def test_a_message_id_of_eight_hex_digits_before_its_severity_is_a_code() -> None:
    """A log message's ID in eight hexadecimal digits then its severity digit, colons around it
    ("010717e3:3: …", as a load balancer's daemons print every message) identifies the message."""
    assert error_codes("010717e3:3: Client SSL profile shop-ssl cannot be updated") == ["010717e3"]
    assert code_key("010717e3") == code_key("010717E3")


@pytest.mark.parametrize(
    "text",
    [
        "commit 3f2a9c1d: fix the retry loop",  # a hash before a colon, no severity after it
        "at 10:22:17 the job 3:4: stopped",  # times and counts
        "object 3f2a9c1d4:2: stale",  # nine digits
    ],
)
def test_other_hex_runs_before_colons_are_no_message_id(text: str) -> None:
    """Guard: a hash, a time or a longer hex run is no message ID."""
    assert error_codes(text) == []


@pytest.mark.parametrize(
    ("text", "codes"),
    [
        ("De client meldt foutcode -2147217406 bij het verbinden.", ["0x80041002"]),
        ("Run-time error '-2147024891': Access is denied.", ["0x80070005"]),
        ("Installation failed, error code: -2146893813", ["0x8009000B"]),
        ("Sync stopped (hr=-2147024809)", ["0x80070057"]),
        ("In het logbestand staat foutcode -2147217406.", ["0x80041002"]),
        # The same code in both spellings is one code.
        ("Fehlercode -2147024891 (0x80070005)", ["0x80070005"]),
    ],
)
def test_a_failed_hresult_given_as_a_negative_decimal_is_its_hex_code(text: str, codes: list[str]) -> None:
    """Windows, COM, Office and VPN clients report an HRESULT as a signed decimal ("-2147217406"),
    which is the failure 0x80041002: where the text says it is an error's code, it is that code, as
    its hexadecimal spelling is."""
    assert error_codes(text) == codes
    assert canonical_code(codes[0]) == codes[0]


def test_a_negative_decimal_hresult_typed_alone_is_looked_up_as_its_hex_code() -> None:
    """Typed alone, with nothing marking it a code, it is looked up among the codes the index knows."""
    assert error_codes("-2147217406") == []
    assert codes_if_known("-2147217406") == ["0x80041002"]
    assert canonical_code("-2147217406") == "0x80041002"


@pytest.mark.parametrize(
    "text",
    [
        "The balance went to -2147483649 after the overflow",  # below a 32-bit value's range
        "error -14 while connecting",  # a short negative code of the program's own
        "offset -1200000000 from the epoch",  # no word for an error before it
        "error -2147217406.5 in the sum",  # a decimal fraction
    ],
)
def test_other_negative_numbers_are_no_hresult(text: str) -> None:
    """Guard: out of a 32-bit value's range, too short, or not said to be an error's code."""
    assert [c for c in error_codes(text) if c.startswith("0x")] == []


@pytest.mark.parametrize(
    ("text", "codes"),
    [
        (
            'WARN upload attachment=IMG_2231.HEIC status=413 error="SYNC-413 Attachment too large"',
            ["SYNC413"],
        ),
        ("Could not open DSC_0042.jpg: unsupported format (PIX-2210)", ["PIX2210"]),
        ("Export of REPORT-2024.PDF failed with ERR-5512", ["ERR5512"]),
    ],
)
def test_a_file_s_name_in_a_logged_line_is_no_code(text: str, codes: list[str]) -> None:
    """A camera's or an app's file name ("IMG_2231.HEIC", "DSC_0042.jpg") is written as a code is, but
    its extension says it is a file: one user's data in the line, not the error's code."""
    assert error_codes(text) == codes


@pytest.mark.parametrize(
    ("text", "codes"),
    [
        ("ORA-12154. Check tnsnames.ora", ["ORA12154"]),
        ("Sign-in failed: AADSTS50011.The redirect URI does not match", ["AADSTS50011"]),
        ("error ORA-12154.", ["ORA12154"]),
    ],
)
def test_a_code_at_a_sentence_s_end_stays_a_code(text: str, codes: list[str]) -> None:
    """Guard: a full stop after a code, even with the next sentence run on, is no file's extension."""
    assert error_codes(text) == codes


@pytest.mark.parametrize(
    ("text", "codes"),
    [
        ("49.4C02 ERROR Turn off then on", ["49.4C02"]),
        ("The control panel shows 79.00FE and the printer stops.", ["79.00FE"]),
        ("13.B2.D2 JAM IN TRAY 2", ["13.B2.D2"]),
    ],
)
def test_a_printer_s_display_code_in_dotted_hexadecimal_is_a_code(text: str, codes: list[str]) -> None:
    """A printer's or a copier's control panel names its errors by two digits, a dot and hexadecimal
    digits, pairs of them apart by dots or not ("49.4C02", "79.00FE", "13.B2.D2"): what the user types
    from the display."""
    assert error_codes(text) == codes
    assert error_codes(text, any_case=True) == codes


@pytest.mark.parametrize(
    "text",
    [
        "The archive grew to 12.5E10 bytes",  # a number in scientific notation
        "Its MAC address is 00.1A.2B.3C.4D.5E",  # a MAC address written with dots
        "Update to version 10.0.19045 first",  # a version, no letter in it
        "Build 7.49.4C02 is installed",  # a part of a longer dotted name
    ],
)
def test_other_dotted_numbers_are_no_display_code(text: str) -> None:
    """Guard: a number in scientific notation, an address, a version or part of a longer name."""
    assert error_codes(text) == []


@pytest.mark.parametrize(
    ("text", "codes", "numbers"),
    [
        # A mail server's reply: its reply code, then the enhanced status code of the same class (RFC 3463).
        ("421 4.7.0 Try again later, closing connection. (EHLO)", ["4.7.0"], ["421"]),
        ("550-5.7.1 Relaying denied. IP name lookup failed", ["5.7.1"], ["550"]),
        ("smtp; 552 5.2.2 Mailbox full", ["5.2.2"], ["552"]),
        # Guards: a version, a reply and status of different classes, a success, a longer dotted run.
        ("Upgrade the agent to 4.7.0 and restart it.", [], []),
        ("Listen on port 421 and 5.7.1 stays the schema's version", [], []),
        ("250 2.0.0 OK queued as 4F2A1", [], []),
        ("build 421 4.7.0.12 was released", [], []),
    ],
)
def test_a_mail_server_s_reply_gives_its_reply_code_and_enhanced_status(
    text: str, codes: list[str], numbers: list[str]
) -> None:
    """An SMTP reply ("421 4.7.0 …") is a failure by its codes: before, neither number was one, and the
    reply a mail server sent was neither an error message nor found by its codes."""
    assert error_codes(text) == codes
    assert error_codes(text, any_case=True) == codes
    assert labelled_numbers(text) == numbers


@pytest.mark.parametrize(
    ("text", "codes"),
    [
        ('at=error code=H12 desc="Request timeout" method=GET status=503', ["H12"]),
        ('level=error error_code=R14 msg="Memory quota exceeded"', ["R14"]),
        # Guards: another field's value, and a code field that holds a status.
        ("at=info dyno=web.1 path=/reports service=30ms", []),
        ('at=error code=503 desc="unavailable"', []),
    ],
)
def test_a_log_line_s_code_field_is_its_code(text: str, codes: list[str]) -> None:
    """A logfmt line's ``code=`` field names the error it logs, however short its code ("H12", a letter
    and two digits, which nothing else marks as one)."""
    assert error_codes(text) == codes


@pytest.mark.parametrize(
    ("text", "codes"),
    [
        # A device's or firmware's code in eight hexadecimal digits, said to be an error's: its high bit
        # clear, as a printer's, a scanner's or a console's codes are, where an HRESULT failure's is set.
        ("The front panel shows Printer failure 0x61011bed.", ["0x61011BED"]),
        ("Scan stopped with error 0x6100004A", ["0x6100004A"]),
        ("The console reports error code: 0x40c3e020 after the update", ["0x40C3E020"]),
        # Guard: the same shape after words that name no error is an address, a handle or a flag.
        ("Faulting module loaded at 0x61011bed", []),
        ("handle 0x4a0c11be, flags=0x30000000", []),
        ("status 0x00000000", []),
    ],
)
def test_a_device_s_hexadecimal_code_said_to_be_an_error_s_is_a_code(text: str, codes: list[str]) -> None:
    assert error_codes(text) == codes


def test_a_device_s_hexadecimal_code_typed_alone_is_looked_up_among_known_codes() -> None:
    assert codes_if_known("0x61011bed") == ["0x61011BED"]
    assert codes_if_known("0x00000000") == []


def test_codes_if_known_gives_each_kind_whole_in_one_text() -> None:
    # Each kind's pattern searched where the text has what it needs, each code whole and canonical.
    text = (
        "printer shows E-330 then w402, BK-05 and KP-C01, ERESOLVE, 0x709, 01260013, MOUNT-F-NOSUCHDEV, "
        "E-4, -2147217406, UTF-16, invalid_currency"
    )
    assert codes_if_known(text) == [
        "E330",
        "W402",
        "E4",
        "0x709",
        "ERESOLVE",
        "01260013",
        "MOUNT-F-NOSUCHDEV",
        "BK05",
        "KPC01",
        "0x80041002",
        "invalid_currency",
    ]


@pytest.mark.parametrize(
    ("text", "codes"),
    [
        # A status value in fewer than eight hexadecimal digits, as a device, a firmware or a client
        # prints it, where the words right before say it is an error's: a code, as written.
        ("and the client shows error code 0x0F1A.", ["0x0F1A"]),
        ("The installer stopped with status 0x7e", ["0x7E"]),
        ("Printing fails (Error: 0x709) on every client", ["0x709"]),
        ("导出失败，错误0x52e", ["0x52E"]),
        # Guard: the same shape after words that name no error is an address, an offset or a flag;
        # a value of zeros reports success; nine digits or more are no 32-bit status.
        ("Faulting module loaded at 0x7ff6, offset 0x1a2b", []),
        ("flags=0x0F mask 0x1F", []),
        ("The call returned status 0x0000 and error code 0x0", []),
        ("error code 0x1a2b3c4d5", []),
    ],
)
def test_a_short_hexadecimal_status_said_to_be_an_error_s_is_a_code(text: str, codes: list[str]) -> None:
    assert error_codes(text) == codes


def test_a_short_hexadecimal_code_compares_equal_to_its_eight_digit_spelling() -> None:
    """Windows and devices print one status both ways ("error 0x709", "error 0x00000709")."""
    assert code_key("0x709") == code_key("0x00000709") == "0x00000709"
    assert error_codes("Error code 0x0f1a", any_case=True) == ["0x0F1A"]
    assert codes_if_known("0x0f1a") == ["0x0F1A"]
    assert codes_if_known("0x0") == []


@pytest.mark.parametrize(
    ("text", "codes"),
    [
        # A state a system reports a failing workload in, as its status column prints it: a back-off
        # after failures, a process killed, a Go-style error value (Err…).
        ("Pods stuck in CrashLoopBackOff", ["CrashLoopBackOff"]),
        ("The container was OOMKilled twice", ["OOMKilled"]),
        ("Status: ErrImagePull", ["ErrImagePull"]),
        # Guard: a setting or a class named after a back-off, and a word that only opens with "Err".
        ("Set ExponentialBackoff in the client options", []),
        ("The Errata page lists fixes", []),
    ],
)
def test_a_failing_state_named_in_camel_case_is_a_code(text: str, codes: list[str]) -> None:
    assert error_codes(text) == codes


@pytest.mark.parametrize(
    ("line", "message"),
    [
        # A time stamp with its zone's abbreviation, then the process id in brackets, as PostgreSQL's
        # "%t [%p] " prefix and many daemons' write it: one prefix, the zone and pid with the time.
        (
            "2026-01-19 04:12:55 UTC [8812] FATAL:  remaining connection slots are reserved",
            "remaining connection slots are reserved",
        ),
        (
            '2026-01-19 05:12:55 CET [8812] ERROR:  relation "ledger" does not exist',
            'relation "ledger" does not exist',
        ),
        ("2026-01-19 04:12:55.301 PST [8812] WARNING:  out of shared memory", "out of shared memory"),
        # Guard: a level right after the time is a level, not a zone; capitals that open a message stay.
        ("2026-01-19 04:12:55 ERROR [main] Pool exhausted", "Pool exhausted"),
        ("2026-01-19 04:12:55 POST /api/orders returned 500", "POST /api/orders returned 500"),
    ],
)
def test_a_time_stamp_s_zone_and_pid_are_part_of_the_log_prefix(line: str, message: str) -> None:
    assert log_lines([line]) == [message]


def test_a_traceback_without_an_exception_line_is_kept_whole() -> None:
    # Guard: a frame's source line or a plain capitalised line is no exception line.
    lines = [
        "Traceback (most recent call last):",
        '  File "weekly.py", line 14, in <module>',
        "    Config.load()",
        "Output truncated",
    ]
    assert log_lines(lines) == ["Traceback (most recent call last):", "Config.load()", "Output truncated"]


def test_a_traceback_ending_in_a_module_qualified_class_is_that_class_and_its_message() -> None:
    # Python prints a class not built in under its module's path, whatever the class is called.
    lines = [
        "Traceback (most recent call last):",
        '  File "weekly.py", line 14, in <module>',
        "    run()",
        '  File "/srv/jobs/tablekit/jobs.py", line 88, in run',
        "    raise StaleLock(path)",
        "tablekit.locks.StaleLock: lock file /srv/jobs/weekly.lock is older than 6 hours",
    ]
    assert log_lines(lines) == [
        "tablekit.locks.StaleLock: lock file /srv/jobs/weekly.lock is older than 6 hours"
    ]


@pytest.mark.parametrize(
    ("text", "codes"),
    [
        (
            "%ASA-3-713902: Group = vpn, IP = 203.0.113.4, Removing peer from peer table failed",
            ["ASA-3-713902"],
        ),
        ("FTD-6-302014: Teardown TCP connection", ["FTD-6-302014"]),
        ("%LINK-3-UPDOWN: Interface Gi0/1, changed state to down", ["LINK-3-UPDOWN"]),
        # Guards: a security rule's ID (two digits between its dashes), a number of another length.
        ("Finding RHEL-08-010010 is open", []),
        ("the part ABC-3-12345 is on order", []),
        ("the part ABC-3-1234567 is on order", []),
    ],
)
def test_a_syslog_id_with_a_numbered_message_is_a_code(text: str, codes: list[str]) -> None:
    assert error_codes(text) == codes


@pytest.mark.parametrize(
    ("text", "codes"),
    [
        ("The job terminates with the runtime error CONVT_NO_NUMBER.", ["CONVT_NO_NUMBER"]),
        ("Runtime Errors         MESSAGE_TYPE_X", ["MESSAGE_TYPE_X"]),
        ("ST22 lists the short dump TIME_OUT for the report.", ["TIME_OUT"]),
        # ST22 in German: "Laufzeitfehler" (runtime error), "Kurzdump" (short dump).
        ("Laufzeitfehler         MESSAGE_TYPE_X", ["MESSAGE_TYPE_X"]),
        ("Der Kurzdump TIME_OUT wurde geschrieben.", ["TIME_OUT"]),
        # Guards: a setting's name after other words, or after "error" alone (a variable it complains of).
        ("Error: HTTP_PROXY is not set", []),
        ("Raise MAX_CONNECTIONS after the runtime errors stop.", []),
    ],
)
def test_a_runtime_error_s_name_in_capitals_is_a_code(text: str, codes: list[str]) -> None:
    """A program's abort named by its runtime error, as ABAP's short dumps are: the name is the code."""
    assert error_codes(text) == codes


@pytest.mark.parametrize(
    ("text", "numbers"),
    [
        ("Alarm ID 26232 is raised on BBU 0", ["26232"]),
        ("alarm 7401 cleared", ["7401"]),
        ("Alarm code: 29240", ["29240"]),
        # Guards: a number of three digits or fewer after "alarm" (a count, a time), a number away from it.
        ("the alarm 300 seconds later", []),
        ("the alarm sounded 2500 times", []),
    ],
)
def test_a_number_alarm_labels_is_an_error_s_number(text: str, numbers: list[str]) -> None:
    """An alarm's ID as a network manager's alarm list shows it: looked up among the codes the index
    knows by that number ("ALM-26232")."""
    assert labelled_numbers(text) == numbers


@pytest.mark.parametrize(
    ("text", "codes"),
    [
        # IBM i's message IDs: a prefix of three, then four hexadecimal digits, as DSPMSGD labels one and a
        # job log opens a line with it.
        ("Message ID . . . . . . . . . :   CPF502B", ["CPF502B"]),
        ("CPFA0D4    Escape    40   03/11/26  10:02:11  QP0LCHK", ["CPFA0D4"]),
        ("Message ID: MCH3601", ["MCH3601"]),
        # z/OS's decision messages, which wait for an operator's reply, end in "D" as others end in "A" or "I".
        ("*12 IEF238D PAYROLL1 - REPLY DEVICE NAME OR 'CANCEL'.", ["IEF238D"]),
        ("IEF238D PAYROLL1 - REPLY DEVICE NAME OR 'CANCEL'.", ["IEF238D"]),
        # OpenVMS's condition messages: %FACILITY-L-IDENT, its severity a letter.
        ("%SYSTEM-F-NOPRIV, insufficient privilege or object protection violation", ["SYSTEM-F-NOPRIV"]),
        ("-RMS-E-FNF, file not found", ["RMS-E-FNF"]),
    ],
)
def test_message_ids_of_vendor_manuals_are_codes(text: str, codes: list[str]) -> None:
    assert error_codes(text) == codes


@pytest.mark.parametrize(
    "text",
    [
        # Guards: a hexadecimal-looking part or batch number inside a sentence, a word with a hyphenated
        # letter, a model in brackets after its product's name, and a model in a price list.
        "Order the ABC12FE kit and the DEF502B cable.",
        "Use the SET-F-FAST preset for the pump.",
        "The NVIDIA data centre GPU (A100) is supported.",
        "Ships with the Lenovo laptop (T480) and a dock.",
    ],
)
def test_shapes_like_vendor_message_ids_elsewhere_are_no_codes(text: str) -> None:
    assert error_codes(text) == []


def test_a_message_description_s_substitution_variables_are_placeholders() -> None:
    """IBM i writes the values a message is sent with as &1, &2 …: a reader's copy has the values there."""
    assert comparable("Object &2 in library &3 not found.") == "object in library not found"
    # A query's ampersand between words is no variable.
    assert comparable("Tom & Jerry & 2 friends") == "tom jerry 2 friends"


@pytest.mark.parametrize(
    ("text", "code"),
    [
        # A help centre's app error code in brackets after the message it shows, quoted or not.
        ("Session expired (E1042). Please sign in again.", "E1042"),
        ('"Upload blocked (W-2210)"', "W2210"),
        ("Payment declined (P4402)", "P4402"),
        # Guards: a model in brackets inside the sentence, a code that closes no opening words, and a
        # number of two digits.
        ("GPU (A100) not detected after the update.", None),
        ("Sync stops. The log names a timeout after a long while (E1042).", None),
        ("Low battery (B12).", None),
    ],
)
def test_an_app_s_code_in_brackets_after_the_message_it_shows_is_its_code(
    text: str, code: str | None
) -> None:
    assert bracketed_code(text) == code


def test_a_code_before_its_bracketed_argument_stays_a_code() -> None:
    # Guard: only a VMS device, before a directory and a file's name, is no code ("MKA500:[000000]DAILY.BCK");
    # an error's code before its argument in brackets is one.
    assert error_codes("ORA-00600: internal error code, arguments: ORA-00600:[kcratr1_lostwrt]") == [
        "ORA00600"
    ]
    assert error_codes("PAY4031:[checkout] declined") == ["PAY4031"]
    assert error_codes("%BACKUP-F-OPENOUT, error opening MKA500:[000000]DAILY.BCK; as output") == [
        "BACKUP-F-OPENOUT"
    ]
