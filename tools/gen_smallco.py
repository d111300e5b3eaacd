#!/usr/bin/env python3
"""Generate the Harbour City Council ICT Services example evidence bundle.

    python3 tools/gen_smallco.py            (run from the repository root)

Writes fixtures/smallco/: a second conforming organisation, deliberately of a different
shape from Northwind (tools/gen_northwind.py). It is a small in-house IT department of a
local council in New South Wales: twelve ICT staff, two live services, internal customers
only, no external supplier (the council's own units supply it under internal agreements),
a few dozen incidents and requests, a handful of changes, two problems, one continuity
plan. The audit year is the Australian financial year 2025-07-01 to 2026-06-30, time zone
Australia/Sydney (datetimes carry their +10:00 / +11:00 offsets).

Python 3 standard library only; no randomness: the output is the same on every run. Before
writing, the generator checks its own data: unique ids, every reference resolves, and a few
conformance invariants that are easy to get wrong by hand (recurring incidents, priorities,
dates in order). See fixtures/smallco/README.md for the organisation.
"""
import calendar
import csv
import io
import json
import os
import shutil
from datetime import date, datetime, timedelta

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
OUT = os.path.join(ROOT, "fixtures", "smallco")

ORG = "Harbour City Council - ICT Services"
AS_OF = date(2026, 6, 30)
PERIOD_START = date(2025, 7, 1)
PERIOD_END = date(2026, 6, 30)
TIMEZONE = "Australia/Sydney"

# --------------------------------------------------------------------------------------
# Time helpers (NSW daylight saving: first Sunday of October 02:00 to first Sunday of
# April 03:00 local time is AEDT, +11:00; otherwise AEST, +10:00)
# --------------------------------------------------------------------------------------

def first_sunday(y, m):
    d = date(y, m, 1)
    return d + timedelta(days=(6 - d.weekday()) % 7)


def sydney_offset(dt):
    y = dt.year
    dst_start = datetime.combine(first_sunday(y, 10), datetime.min.time()).replace(hour=2)
    dst_end = datetime.combine(first_sunday(y, 4), datetime.min.time()).replace(hour=3)
    return 11 if (dt >= dst_start or dt < dst_end) else 10


def ts(dt):
    """A local Sydney datetime, written with its UTC offset."""
    return dt.strftime("%Y-%m-%dT%H:%M") + "+%02d:00" % sydney_offset(dt)


def L(y, m, d, h=9, mi=0):
    return datetime(y, m, d, h, mi)


def add_months(d, n):
    y, m = divmod(d.month - 1 + n, 12)
    y += d.year
    m += 1
    return date(y, m, min(d.day, calendar.monthrange(y, m)[1]))


def month_end(y, m):
    return add_months(date(y, m, 1), 1) - timedelta(days=1)


def workday(d):
    """The first weekday on or after d."""
    while d.weekday() >= 5:
        d += timedelta(days=1)
    return d


MONTHS = [(2025, m) for m in range(7, 13)] + [(2026, m) for m in range(1, 7)]   # the audit year
MEASURED = MONTHS[:-1]                                                          # June 2026 not yet measured

# --------------------------------------------------------------------------------------
# Record store
# --------------------------------------------------------------------------------------

COLUMNS = {
    "Person": "id,name,email,department,active,roles,top_management",
    "Role": "id,name,kind,process,responsibilities,required_competences,documented_in",
    "Competence": "id,name,description",
    "TrainingRecord": "id,person,competence,completed_on,expires_on,provider,evidence",
    "Acknowledgement": "id,person,document,acknowledged_on",
    "Communication": "id,direction,audience,subject,channel,sent_on,sent_by,about",
    "ContextIssue": "id,description,kind,reviewed_on,recorded_in",
    "InterestedParty": "id,name,kind,requirements,reviewed_on",
    "Document": "id,title,kind,version,status,owner,approved_by,approved_on,published_on,review_interval_months,"
                "last_reviewed_on,next_review_on,retention_until,location,external_origin,process,services",
    "Risk": "id,title,category,owner,identified_on,likelihood,impact,treatment,status,last_assessed_on,accepted_by,actions,services",
    "Objective": "id,title,process,measure,target,unit,owner,due_on,status,communicated",
    "Measurement": "id,objective,target,service,period_start,period_end,value,met,evaluated_on",
    "Service": "id,name,status,owner,customers,in_scope,in_catalogue,critical,availability_target",
    "Customer": "id,name,kind,account_manager",
    "SLA": "id,service,customer,status,agreed_on,valid_from,valid_to,review_interval_months,last_reviewed_on,document,"
           "workload_limits,exceptions",
    "ServiceTarget": "id,sla,metric,target_value,unit,priority",
    "ServiceReport": "id,service,customer,period_start,period_end,issued_on,document",
    "Complaint": "id,customer,service,received_on,description,status,investigated_on,resolved_on,action",
    "SatisfactionSurvey": "id,customer,service,conducted_on,score,responses",
    "Supplier": "id,name,kind,active,services,manager,criticality",
    "Contract": "id,supplier,kind,services,status,start_on,end_on,review_interval_months,last_reviewed_on,document",
    "Budget": "id,service,period_start,period_end,planned_cost,actual_cost,approved_by,approved_on",
    "ConfigurationItem": "id,name,ci_type,status,owner,services,depends_on,last_verified_on,description",
    "Asset": "id,name,kind,owner,ci,status,location",
    "ConfigurationAudit": "id,performed_on,scope,discrepancies,report",
    "Change": "id,title,kind,status,requested_on,requested_by,risk,impact_assessed,approved_by,approved_on,"
              "approval_authority,planned_start,planned_end,implemented_on,backout_plan,outcome,pir_on,remediation,"
              "services,cis,release,tested_on,communicated_on",
    "Release": "id,title,kind,planned_on,tested_on,acceptance_criteria_met,deployed_on,outcome,backout_plan,"
               "cmdb_updated,services,approved_by,approved_on,baseline_on",
    "ServiceTransition": "id,service,change,planned_on,design_approved_on,acceptance_criteria,accepted_on,"
                         "transitioned_on,outcome,kind,outcome_reported_on",
    "Incident": "id,title,opened_at,category,impact,urgency,priority,status,major,security,service,cis,assigned_to,"
                "escalated,target_resolve_at,resolved_at,closed_at,resolution,problem,top_management_informed_on,"
                "review_on,reassignment_count,reopen_count,sla_met",
    "ServiceRequest": "id,opened_at,category,priority,status,service,assigned_to,target_fulfil_at,fulfilled_at,closed_at",
    "Problem": "id,title,opened_on,priority,status,root_cause,known_error,workaround,resolved_on,closed_on,cis,change,reviewed_on",
    "Outage": "id,service,started_at,ended_at,planned,cause,investigated_on,incident",
    "ContinuityTest": "id,plan,tested_on,kind,result,issues_found,actions,report,reviewed_on",
    "ContinuityInvocation": "id,plan,invoked_on,reason,ended_on,reviewed_on",
    "SecurityControl": "id,name,reference,owner,implemented,last_reviewed_on,risks",
    "InternalAudit": "id,planned_on,performed_on,status,processes,auditors,criteria,report,reported_to,scope",
    "Meeting": "id,kind,held_on,attendees,inputs,decisions,minutes,service,customer,supplier,sla",
    "Action": "id,description,owner,raised_on,raised_in,due_on,completed_on,status,objective",
    "Nonconformity": "id,source,audit,clause,description,raised_on,grade,root_cause,correction,actions,status,closed_on,"
                     "effectiveness_reviewed_on",
    "Improvement": "id,title,source,raised_on,priority,approved_by,approved_on,objective,status,completed_on,evaluated_on",
}
COLUMNS = {t: c.split(",") for t, c in COLUMNS.items()}

# Reference fields: (type, field) -> target type. Used to check the bundle before writing.
REFS = {
    ("Person", "roles"): "Role", ("Role", "required_competences"): "Competence", ("Role", "documented_in"): "Document",
    ("TrainingRecord", "person"): "Person", ("TrainingRecord", "competence"): "Competence",
    ("Acknowledgement", "person"): "Person", ("Acknowledgement", "document"): "Document",
    ("Communication", "sent_by"): "Person", ("Communication", "about"): "Document",
    ("ContextIssue", "recorded_in"): "Document",
    ("Document", "owner"): "Person", ("Document", "approved_by"): "Person", ("Document", "services"): "Service",
    ("Risk", "owner"): "Person", ("Risk", "accepted_by"): "Person", ("Risk", "actions"): "Action", ("Risk", "services"): "Service",
    ("Objective", "owner"): "Person",
    ("Measurement", "objective"): "Objective", ("Measurement", "target"): "ServiceTarget", ("Measurement", "service"): "Service",
    ("Service", "owner"): "Person", ("Service", "customers"): "Customer", ("Customer", "account_manager"): "Person",
    ("SLA", "service"): "Service", ("SLA", "customer"): "Customer", ("SLA", "document"): "Document",
    ("ServiceTarget", "sla"): "SLA",
    ("ServiceReport", "service"): "Service", ("ServiceReport", "customer"): "Customer", ("ServiceReport", "document"): "Document",
    ("Complaint", "customer"): "Customer", ("Complaint", "service"): "Service", ("Complaint", "action"): "Action",
    ("SatisfactionSurvey", "customer"): "Customer", ("SatisfactionSurvey", "service"): "Service",
    ("Supplier", "services"): "Service", ("Supplier", "manager"): "Person",
    ("Contract", "supplier"): "Supplier", ("Contract", "services"): "Service", ("Contract", "document"): "Document",
    ("Budget", "service"): "Service", ("Budget", "approved_by"): "Person",
    ("ConfigurationItem", "owner"): "Person", ("ConfigurationItem", "services"): "Service",
    ("ConfigurationItem", "depends_on"): "ConfigurationItem",
    ("Asset", "owner"): "Person", ("Asset", "ci"): "ConfigurationItem", ("ConfigurationAudit", "report"): "Document",
    ("Change", "requested_by"): "Person", ("Change", "approved_by"): "Person", ("Change", "services"): "Service",
    ("Change", "cis"): "ConfigurationItem", ("Change", "release"): "Release",
    ("Release", "services"): "Service", ("Release", "approved_by"): "Person",
    ("Incident", "service"): "Service", ("Incident", "cis"): "ConfigurationItem", ("Incident", "assigned_to"): "Person",
    ("Incident", "problem"): "Problem",
    ("ServiceRequest", "service"): "Service", ("ServiceRequest", "assigned_to"): "Person",
    ("Problem", "cis"): "ConfigurationItem", ("Problem", "change"): "Change",
    ("Outage", "service"): "Service", ("Outage", "incident"): "Incident",
    ("ContinuityTest", "plan"): "Document", ("ContinuityTest", "actions"): "Action", ("ContinuityTest", "report"): "Document",
    ("SecurityControl", "owner"): "Person", ("SecurityControl", "risks"): "Risk",
    ("InternalAudit", "auditors"): "Person", ("InternalAudit", "report"): "Document", ("InternalAudit", "reported_to"): "Person",
    ("Meeting", "attendees"): "Person", ("Meeting", "minutes"): "Document", ("Meeting", "service"): "Service",
    ("Meeting", "customer"): "Customer", ("Meeting", "supplier"): "Supplier", ("Meeting", "sla"): "SLA",
    ("Action", "owner"): "Person", ("Action", "raised_in"): "Meeting", ("Action", "objective"): "Objective",
    ("Nonconformity", "audit"): "InternalAudit", ("Nonconformity", "actions"): "Action",
    ("Improvement", "approved_by"): "Person", ("Improvement", "objective"): "Objective",
}

# Record types kept as JSON Lines (one object per line); everything else is CSV.
JSONL_TYPES = ("Meeting",)
# Optional record types this organisation keeps a register for but had none of in the year:
# written as a header-only file ("we have none").
EMPTY_TYPES = ("ServiceTransition", "ContinuityInvocation")
# Optional record types it does not keep at all (no file: rules that need them are not
# evaluated): Dispute (no supplier contracts to dispute) and StateChange (no event history
# exported from the service desk tool).

DATA = {t: [] for t in COLUMNS}


def add(rtype, **fields):
    unknown = set(fields) - set(COLUMNS[rtype])
    if unknown:
        raise SystemExit(f"{rtype}: unknown fields {sorted(unknown)}")
    DATA[rtype].append(fields)
    return fields["id"]


def by_id(rtype, rid):
    for r in DATA[rtype]:
        if r["id"] == rid:
            return r
    raise KeyError(f"{rtype} {rid}")


# --------------------------------------------------------------------------------------
# People, roles, competence
# --------------------------------------------------------------------------------------

ICT = "ICT Services"
PEOPLE = [
    # id, name, department, active, top_management
    ("P01", "Helen Cartwright", "Corporate Services Directorate", True, True),   # Director Corporate Services
    ("P02", "Daniel Okafor", ICT, True, False),                                  # Manager ICT Services (top management by role)
    ("P03", "Aisha Rahman", ICT, True, False),                                   # Service Management Lead (SMS owner)
    ("P04", "Tom Nguyen", ICT, True, False),                                     # Infrastructure Team Leader
    ("P05", "Sarah Mitchell", ICT, True, False),                                 # Service Desk Team Leader
    ("P06", "James O'Connor", ICT, True, False),                                 # Systems Engineer, change manager
    ("P07", "Mei Chen", ICT, True, False),                                       # Information Security Officer
    ("P08", "Ravi Patel", ICT, True, False),                                     # Applications Analyst
    ("P09", "Lucy Evans", ICT, True, False),                                     # Service Desk Analyst
    ("P10", "Ben Walker", ICT, True, False),                                     # Service Desk Analyst
    ("P11", "Grace Kim", ICT, True, False),                                      # Desktop Support Officer
    ("P12", "Sam Taylor", ICT, True, False),                                     # Network and Systems Administrator
    ("P13", "Olivia Brown", ICT, True, False),                                   # Business Systems Administrator
    ("P14", "Priya Raman", "Governance and Risk Unit", True, False),             # council internal auditor
    ("P15", "Mark Davies", ICT, False, False),                                   # Desktop Support Officer, left 2026-02-06
]

COMPETENCES = [
    ("C-SMSAW", "SMS awareness", "In-house briefing on the ICT service management system, its policy, objectives and the holder's part in it"),
    ("C-ITIL", "ITIL 4 Foundation", "Certified knowledge of IT service management practices"),
    ("C-20K", "ISO/IEC 20000-1 Foundation", "Certified knowledge of the requirements of ISO/IEC 20000-1:2018"),
    ("C-AUDIT", "Internal auditing", "ISO 19011 based internal auditor training applied to ISO/IEC 20000-1"),
    ("C-CHG", "Change authority", "Assessing risk and impact of changes and deciding them under the change management policy"),
    ("C-SEC", "Information security management", "ISO/IEC 27001 Foundation and the ACSC Essential Eight"),
    ("C-CYBER", "Cyber security awareness", "Annual cyber security awareness module; lapses after twelve months"),
    ("C-BCM", "Business continuity", "ISO 22301 Foundation: continuity planning and exercising"),
    ("C-FIN", "Local government financial management", "Council budgeting, procurement and contract rules"),
    ("C-PRB", "Problem analysis", "Structured root cause analysis (Kepner-Tregoe)"),
]

PROCESS_OWNER = {  # clause-8 process -> (owner, extra competence)
    "service_portfolio": ("P02", "C-FIN"),
    "service_catalogue_management": ("P03", None),
    "asset_management": ("P06", None),
    "configuration_management": ("P06", None),
    "business_relationship_management": ("P03", None),
    "service_level_management": ("P03", None),
    "supplier_management": ("P02", "C-FIN"),
    "budgeting_and_accounting": ("P02", "C-FIN"),
    "demand_management": ("P08", None),
    "capacity_management": ("P04", None),
    "change_management": ("P06", "C-CHG"),
    "service_design_and_transition": ("P08", None),
    "release_and_deployment_management": ("P13", "C-CHG"),
    "incident_management": ("P05", None),
    "service_request_management": ("P05", None),
    "problem_management": ("P05", "C-PRB"),
    "service_availability_management": ("P04", "C-BCM"),
    "service_continuity_management": ("P04", "C-BCM"),
    "information_security_management": ("P07", "C-SEC"),
}
PROCESS_TITLE = {
    "service_portfolio": "Service portfolio management",
    "service_catalogue_management": "Service catalogue management",
    "asset_management": "Asset management",
    "configuration_management": "Configuration management",
    "business_relationship_management": "Business relationship management",
    "service_level_management": "Service level management",
    "supplier_management": "Supplier management",
    "budgeting_and_accounting": "Budgeting and accounting for services",
    "demand_management": "Demand management",
    "capacity_management": "Capacity management",
    "change_management": "Change management",
    "service_design_and_transition": "Service design and transition",
    "release_and_deployment_management": "Release and deployment management",
    "incident_management": "Incident management",
    "service_request_management": "Service request management",
    "problem_management": "Problem management",
    "service_availability_management": "Service availability management",
    "service_continuity_management": "Service continuity management",
    "information_security_management": "Information security management",
}
PROCESSES = list(PROCESS_OWNER)


def build_people():
    for cid, name, desc in COMPETENCES:
        add("Competence", id=cid, name=name, description=desc)

    roles = {}   # role id -> holders
    def role(rid, name, kind, holders, competences, responsibilities, process=None):
        add("Role", id=rid, name=name, kind=kind, process=process, responsibilities=responsibilities,
            required_competences=competences, documented_in="DOC-ROLES")
        roles[rid] = holders

    role("R-TOP", "Top management of the SMS", "top_management", ["P01", "P02"], ["C-SMSAW"],
         "Set the service management policy and objectives, approve the SMS plan, provide resources, chair management reviews")
    role("R-SMSO", "SMS owner (Service Management Lead)", "sms_owner", ["P03"], ["C-SMSAW", "C-ITIL", "C-20K"],
         "Make sure the SMS conforms to ISO/IEC 20000-1 and report its performance to top management")
    for p, (owner, extra) in PROCESS_OWNER.items():
        comps = ["C-SMSAW", "C-ITIL", "C-CYBER"] + ([extra] if extra else [])
        role("R-PO-" + p.upper().replace("_", "-")[:24].rstrip("-"), "Process owner - " + PROCESS_TITLE[p], "process_owner",
             [owner], comps, f"Own the {PROCESS_TITLE[p].lower()} process: keep its description current, set and measure "
             "its performance, act on audit results and improvements", process=p)
    role("R-SO-DI", "Service owner - Desktop & Identity", "service_owner", ["P05"], ["C-SMSAW", "C-ITIL"],
         "Accountable for delivery of the Desktop & Identity service against its SLAs")
    role("R-SO-AH", "Service owner - Council Applications Hosting", "service_owner", ["P04"], ["C-SMSAW", "C-ITIL"],
         "Accountable for delivery of the Council Applications Hosting service against its SLA")
    role("R-CAB", "Change advisory board member", "cab_member", ["P02", "P03", "P04", "P05", "P06", "P07", "P08"],
         ["C-SMSAW", "C-CHG"], "Assess and decide normal changes at the monthly CAB")
    role("R-ECAB", "Emergency change advisory board member", "ecab_member", ["P02", "P04", "P06", "P07"],
         ["C-SMSAW", "C-CHG"], "Decide emergency changes at any hour, at least two members together")
    role("R-SUPM", "Supplier manager (internal agreements)", "supplier_manager", ["P02"], ["C-SMSAW", "C-FIN"],
         "Manage the internal agreements with the council units that supply ICT Services and review their performance")
    role("R-AUD", "Internal auditor (seconded from Governance and Risk)", "auditor", ["P14"], ["C-SMSAW", "C-20K", "C-AUDIT"],
         "Plan and perform the internal audits of the audit programme independently of ICT Services and report the results")
    role("R-SD", "Service desk analyst", "other", ["P09", "P10", "P11"], ["C-SMSAW", "C-ITIL", "C-CYBER"],
         "Log, classify and resolve incidents and fulfil service requests")
    role("R-TECH", "Technical specialist", "other", ["P08", "P12", "P13"], ["C-SMSAW", "C-CYBER"],
         "Operate, maintain and restore the infrastructure and applications of the services")

    held = {}
    for rid, holders in roles.items():
        for h in holders:
            held.setdefault(h, []).append(rid)
    for pid, name, dept, active, top in PEOPLE:
        first, last = name.lower().split(" ", 1)
        email = f"{first}.{last.replace(chr(39), '').replace(' ', '')}@harbourcity.nsw.gov.au"
        add("Person", id=pid, name=name, email=email, department=dept, active=active,
            roles=held.get(pid, []) if active else [], top_management=top)

    # Training: every competence every role of a person requires, plus history.
    required = {}
    for r in DATA["Role"]:
        for h in roles[r["id"]]:
            required.setdefault(h, set()).update(r["required_competences"])
    n = 0
    provider = {
        "C-SMSAW": ("ICT Services (in-house)", "Attendance sheet, SMS induction"),
        "C-ITIL": ("PeopleCert via Axelos accredited trainer", "Certificate no. ITIL4F-"),
        "C-20K": ("APMG International", "Certificate no. 20KF-"),
        "C-AUDIT": ("Institute of Internal Auditors Australia", "Course certificate IA-"),
        "C-CHG": ("ICT Services (in-house)", "Assessment record CHG-"),
        "C-SEC": ("PECB", "Certificate no. ISO27F-"),
        "C-CYBER": ("Council learning portal", "LMS completion record CY-"),
        "C-BCM": ("BCI", "Certificate no. BCM-"),
        "C-FIN": ("Local Government NSW", "Course certificate LGF-"),
        "C-PRB": ("Kepner-Tregoe", "Certificate no. KT-"),
    }
    base_dates = {"C-SMSAW": date(2025, 9, 2), "C-ITIL": date(2023, 5, 17), "C-20K": date(2024, 3, 12),
                  "C-AUDIT": date(2023, 10, 26), "C-CHG": date(2024, 8, 14), "C-SEC": date(2024, 6, 5),
                  "C-CYBER": date(2026, 2, 16), "C-BCM": date(2024, 11, 20), "C-FIN": date(2022, 9, 8),
                  "C-PRB": date(2025, 2, 25)}
    for pid, *_ in PEOPLE:
        for k, comp in enumerate(sorted(required.get(pid, ()))):
            n += 1
            done = base_dates[comp] + timedelta(days=int(pid[1:]) % 9)
            if comp == "C-CYBER" and pid in ("P09", "P10"):
                done = date(2026, 4, 14) + timedelta(days=int(pid[1:]) % 9)   # after NC-02 found theirs lapsed
            expires = add_months(done, 12) if comp == "C-CYBER" else None
            prov, ev = provider[comp]
            add("TrainingRecord", id=f"TR-{n:03d}", person=pid, competence=comp, completed_on=done,
                expires_on=expires, provider=prov, evidence=ev + (f"{2000 + n}" if ev.endswith("-") else ""))
    # earlier cyber awareness completions that lapsed (two analysts let theirs lapse: NC-002)
    for pid, done in (("P09", date(2024, 11, 4)), ("P10", date(2024, 11, 6)), ("P11", date(2025, 2, 10)),
                      ("P12", date(2025, 2, 11)), ("P15", date(2025, 2, 12))):
        n += 1
        add("TrainingRecord", id=f"TR-{n:03d}", person=pid, competence="C-CYBER", completed_on=done,
            expires_on=add_months(done, 12), provider="Council learning portal", evidence=f"LMS completion record CY-{1000 + n}")
    # the leaver's ITIL certificate
    n += 1
    add("TrainingRecord", id=f"TR-{n:03d}", person="P15", competence="C-ITIL", completed_on=date(2021, 8, 3),
        expires_on=None, provider="PeopleCert via Axelos accredited trainer", evidence="Certificate no. ITIL4F-1870")


# --------------------------------------------------------------------------------------
# Services, customers, suppliers
# --------------------------------------------------------------------------------------

DI, AH = "SVC-DI", "SVC-AH"
CUS_STAFF, CUS_CLR = "CUS-STAFF", "CUS-CLR"
STAFF_NAME = "Harbour City Council directorates"
CLR_NAME = "Mayor and Councillors"


def build_services():
    add("Customer", id=CUS_STAFF, name=STAFF_NAME, kind="internal", account_manager="P03")
    add("Customer", id=CUS_CLR, name=CLR_NAME, kind="internal", account_manager="P03")
    add("Service", id=DI, name="Desktop & Identity", status="live", owner="P05", customers=[CUS_STAFF, CUS_CLR],
        in_scope=True, in_catalogue=True, critical=False, availability_target="99.5")
    add("Service", id=AH, name="Council Applications Hosting", status="live", owner="P04", customers=[CUS_STAFF],
        in_scope=True, in_catalogue=True, critical=True, availability_target="99.7")

    add("Supplier", id="SUP-FAC", name="Facilities and Property Unit", kind="internal", active=True,
        services=[DI, AH], manager="P02", criticality="high")
    add("Supplier", id="SUP-PROC", name="Procurement and Contracts Unit", kind="internal", active=True,
        services=[DI, AH], manager="P02", criticality="medium")
    add("Supplier", id="SUP-PC", name="People and Culture Unit", kind="internal", active=True,
        services=[DI], manager="P02", criticality="medium")
    for sid, svcs, doc in (("SUP-FAC", [DI, AH], "DOC-OLA-FAC"), ("SUP-PROC", [DI, AH], "DOC-OLA-PROC"),
                           ("SUP-PC", [DI], "DOC-OLA-PC")):
        add("Contract", id="AGR-" + sid[4:], supplier=sid, kind="agreement", services=svcs, status="active",
            start_on=date(2024, 7, 1), end_on=date(2027, 6, 30), review_interval_months=12,
            last_reviewed_on=date(2026, 5, 19), document=doc)

    # SLAs and their targets
    slas = [("SLA-DI-STAFF", DI, CUS_STAFF), ("SLA-DI-CLR", DI, CUS_CLR), ("SLA-AH-STAFF", AH, CUS_STAFF)]
    for sid, svc, cus in slas:
        add("SLA", id=sid, service=svc, customer=cus, status="agreed", agreed_on=date(2025, 6, 17),
            valid_from=date(2025, 7, 1), valid_to=date(2027, 6, 30), review_interval_months=12,
            last_reviewed_on=date(2026, 5, 26) if cus == CUS_STAFF else date(2026, 4, 21), document="DOC-" + sid,
            workload_limits="Up to 400 named users and 40 service requests a working day" if svc == DI
            else "Up to 250 concurrent application users; rates run in July and January excluded from response targets",
            exceptions="Planned maintenance notified five working days ahead; outages of internal supplier services "
                       "(power, building access) outside ICT control")
    targets = [
        ("T-01", "SLA-DI-STAFF", "availability", "99.5", "percent", None),
        ("T-02", "SLA-DI-STAFF", "response_time", "30", "minutes", 1),
        ("T-03", "SLA-DI-STAFF", "resolution_time", "8", "business hours", 2),
        ("T-04", "SLA-DI-STAFF", "fulfilment_time", "3", "business days", 3),
        ("T-05", "SLA-DI-CLR", "availability", "99.5", "percent", None),
        ("T-06", "SLA-DI-CLR", "fulfilment_time", "2", "business days", 3),
        ("T-07", "SLA-AH-STAFF", "availability", "99.7", "percent", None),
        ("T-08", "SLA-AH-STAFF", "resolution_time", "4", "hours", 1),
    ]
    for tid, sla, metric, val, unit, prio in targets:
        add("ServiceTarget", id=tid, sla=sla, metric=metric, target_value=val, unit=unit, priority=prio)

    # monthly measurement of every target, evaluated in the first working days of the next month
    n = 0
    sla_service = {s[0]: s[1] for s in slas}
    values = {"T-01": "99.86", "T-02": "18", "T-03": "5.2", "T-04": "2.1", "T-05": "99.91", "T-06": "1.4",
              "T-07": "99.93", "T-08": "2.6"}
    for y, m in MEASURED:
        start, end = date(y, m, 1), month_end(y, m)
        for tid, sla, metric, *_ in targets:
            n += 1
            val, met = values[tid], True
            if tid == "T-07" and (y, m) == (2026, 3):
                val, met = "99.55", False       # the SAN controller failure of 11 March
            add("Measurement", id=f"M-{n:03d}", objective=None, target=tid, service=sla_service[sla],
                period_start=start, period_end=end, value=val, met=met, evaluated_on=workday(end + timedelta(days=5)))

    # service reports: monthly to the directorates for each service, quarterly to the councillors
    n = 0
    for y, m in MEASURED:
        start, end = date(y, m, 1), month_end(y, m)
        for svc in (DI, AH):
            n += 1
            add("ServiceReport", id=f"SR-{n:03d}", service=svc, customer=CUS_STAFF, period_start=start, period_end=end,
                issued_on=workday(end + timedelta(days=8)), document=None)
    for qs, qe in ((date(2025, 7, 1), date(2025, 9, 30)), (date(2025, 10, 1), date(2025, 12, 31)),
                   (date(2026, 1, 1), date(2026, 3, 31))):
        n += 1
        add("ServiceReport", id=f"SR-{n:03d}", service=DI, customer=CUS_CLR, period_start=qs, period_end=qe,
            issued_on=workday(qe + timedelta(days=9)), document=None)

    add("SatisfactionSurvey", id="SAT-01", customer=CUS_STAFF, service=DI, conducted_on=date(2025, 11, 20), score="3.9", responses=141)
    add("SatisfactionSurvey", id="SAT-02", customer=CUS_STAFF, service=AH, conducted_on=date(2025, 11, 20), score="4.1", responses=97)
    add("SatisfactionSurvey", id="SAT-03", customer=CUS_CLR, service=DI, conducted_on=date(2025, 11, 27), score="3.6", responses=9)
    add("SatisfactionSurvey", id="SAT-04", customer=CUS_STAFF, service=DI, conducted_on=date(2026, 5, 21), score="4.0", responses=88)
    add("SatisfactionSurvey", id="SAT-05", customer=CUS_CLR, service=DI, conducted_on=date(2026, 5, 28), score="4.2", responses=10)

    add("Complaint", id="CMP-01", customer=CUS_CLR, service=DI, received_on=date(2025, 10, 29),
        description="Councillor waited three weeks for a replacement tablet after a screen failure",
        status="closed", investigated_on=date(2025, 10, 31), resolved_on=date(2025, 11, 7), action="ACT-06")
    add("Complaint", id="CMP-02", customer=CUS_STAFF, service=AH, received_on=date(2026, 3, 12),
        description="Revenue team could not take rates payments at the counter for three hours on 11 March",
        status="closed", investigated_on=date(2026, 3, 13), resolved_on=date(2026, 4, 2), action="ACT-14")

    # budgets: financial year July to June, approved by the Director before the year starts
    for svc, fy26, act26, fy27 in ((DI, "612000", "598400", "634000"), (AH, "845000", "871200", "868000")):
        add("Budget", id=f"BUD-{svc[4:]}-FY26", service=svc, period_start=date(2025, 7, 1), period_end=date(2026, 6, 30),
            planned_cost=fy26, actual_cost=act26, approved_by="P01", approved_on=date(2025, 6, 24))
        add("Budget", id=f"BUD-{svc[4:]}-FY27", service=svc, period_start=date(2026, 7, 1), period_end=date(2027, 6, 30),
            planned_cost=fy27, actual_cost=None, approved_by="P01", approved_on=date(2026, 6, 23))


# --------------------------------------------------------------------------------------
# Documents
# --------------------------------------------------------------------------------------

DMS = "EDRMS: ICT Services > Service Management > "


def doc(did, title, kind, owner, approvers, approved_on, version="1.0", status="approved", review=12,
        reviewed=None, services=None, process=None, published=None, folder="SMS", retention=None):
    add("Document", id=did, title=title, kind=kind, version=version, status=status, owner=owner,
        approved_by=approvers, approved_on=approved_on,
        published_on=published if published is not None else (workday(approved_on + timedelta(days=1)) if approved_on else None),
        review_interval_months=review, last_reviewed_on=reviewed,
        next_review_on=add_months(reviewed or approved_on, review) if (review and status == "approved") else None,
        retention_until=retention, location=DMS + folder + " > " + did, external_origin=False,
        process=process, services=services)


def build_documents():
    both = [DI, AH]
    # governance: superseded first versions next to the ones in force
    doc("DOC-SCOPE-1", "SMS scope statement", "sms_scope", "P03", ["P02"], date(2024, 8, 13), version="1.0",
        status="superseded", services=both)
    doc("DOC-SCOPE", "SMS scope statement", "sms_scope", "P03", ["P01", "P02"], date(2025, 8, 19), version="2.0",
        reviewed=date(2026, 3, 24), services=both)
    doc("DOC-POL-1", "ICT service management policy", "sms_policy", "P03", ["P02"], date(2024, 8, 13), version="1.0",
        status="superseded")
    doc("DOC-POL", "ICT service management policy", "sms_policy", "P03", ["P01", "P02"], date(2025, 8, 19), version="2.0",
        reviewed=date(2026, 3, 24))
    doc("DOC-OBJ", "ICT service management objectives FY2025-26", "objectives", "P03", ["P01", "P02"], date(2025, 8, 19),
        review=12, reviewed=date(2026, 3, 24))
    doc("DOC-PLAN", "ICT service management plan 2025-2027", "sms_plan", "P03", ["P01", "P02"], date(2025, 9, 9),
        version="2.0", reviewed=date(2026, 3, 24), services=both)
    doc("DOC-RISKCRIT", "ICT risk management approach and acceptance criteria", "risk_criteria", "P02", ["P01"],
        date(2024, 9, 3), version="1.1", reviewed=date(2025, 9, 9))
    doc("DOC-ROLES", "SMS roles, responsibilities and authorities", "other", "P03", ["P02"], date(2025, 8, 19),
        version="2.0", reviewed=date(2026, 3, 24))
    doc("DOC-COMMS", "SMS communication plan", "communication_plan", "P03", ["P02"], date(2025, 8, 19), version="1.2",
        reviewed=date(2026, 3, 24))
    doc("DOC-CAT", "ICT service catalogue", "service_catalogue", "P03", ["P02"], date(2025, 7, 8), version="3.0",
        reviewed=date(2026, 5, 26), services=both)
    doc("DOC-REQ-DI", "Service requirements - Desktop & Identity", "service_requirements", "P05", ["P02"],
        date(2025, 6, 10), version="2.0", reviewed=date(2026, 5, 26), services=[DI])
    doc("DOC-REQ-AH", "Service requirements - Council Applications Hosting", "service_requirements", "P04", ["P02"],
        date(2025, 6, 10), version="2.0", reviewed=date(2026, 5, 26), services=[AH])
    doc("DOC-CHGPOL", "Change management policy", "change_management_policy", "P06", ["P02"], date(2024, 10, 1),
        version="1.1", reviewed=date(2025, 10, 14))
    doc("DOC-ISP", "Information security policy", "information_security_policy", "P07", ["P01", "P02"],
        date(2025, 10, 7), version="3.1", reviewed=date(2025, 10, 7))
    doc("DOC-BCP", "ICT disaster recovery and service continuity plan", "continuity_plan", "P04", ["P01", "P02"],
        date(2025, 3, 18), version="3.0", reviewed=date(2025, 12, 9), services=both)
    doc("DOC-AVP", "Availability plan", "availability_plan", "P04", ["P02"], date(2025, 8, 5), reviewed=date(2026, 4, 14),
        services=both)
    doc("DOC-CAP", "Capacity plan FY2025-26", "capacity_plan", "P04", ["P02"], date(2025, 7, 22), reviewed=date(2026, 1, 20),
        services=both)
    doc("DOC-DEM", "Demand forecast FY2025-27", "demand_forecast", "P08", ["P02"], date(2025, 7, 22), review=6,
        reviewed=date(2026, 1, 20))
    doc("DOC-BUDGET", "ICT Services budget FY2025-26", "budget", "P02", ["P01"], date(2025, 6, 24), review=12,
        reviewed=date(2026, 2, 17))
    doc("DOC-AUDPROG", "Internal audit programme 2025-2027", "audit_programme", "P03", ["P02"], date(2025, 7, 15),
        reviewed=date(2026, 3, 24))
    doc("DOC-MIP", "Major incident procedure", "procedure", "P05", ["P02"], date(2024, 11, 12), version="1.2",
        reviewed=date(2026, 4, 7), process="incident_management", services=both)
    doc("DOC-SRF", "Service request fulfilment procedure", "procedure", "P05", ["P02"], date(2025, 2, 4), version="1.1",
        reviewed=date(2026, 2, 3), process="service_request_management", services=both)
    for i, p in enumerate(PROCESSES):
        owner = PROCESS_OWNER[p][0]
        approver = ["P01"] if owner == "P02" else ["P02"]
        doc(f"DOC-PRC-{i + 1:02d}", "Process description - " + PROCESS_TITLE[p], "process", owner, approver,
            date(2024, 8, 20) + timedelta(days=7 * (i % 4)), version="1.%d" % (1 + i % 3),
            reviewed=date(2025, 8, 26) + timedelta(days=14 * (i % 12)), process=p)
    for sid in ("SLA-DI-STAFF", "SLA-DI-CLR", "SLA-AH-STAFF"):
        doc("DOC-" + sid, "Service level agreement " + sid, "sla", "P03", ["P01", "P02"], date(2025, 6, 17), version="2.0",
            reviewed=date(2026, 5, 26) if "STAFF" in sid else date(2026, 4, 21),
            services=[DI] if "-DI-" in sid else [AH])
    for sid, name in (("FAC", "Facilities and Property Unit"), ("PROC", "Procurement and Contracts Unit"),
                      ("PC", "People and Culture Unit")):
        doc("DOC-OLA-" + sid, "Internal agreement with the " + name, "agreement", "P02", ["P01"], date(2024, 6, 25),
            version="1.0", reviewed=date(2026, 5, 19))
    # knowledge articles
    for kid, title, svc in (("KA-01", "Unlocking accounts and resetting MFA", DI),
                            ("KA-02", "Setting up a new starter's account, laptop and mailbox", DI),
                            ("KA-03", "Councillor tablet enrolment and replacement", DI),
                            ("KA-04", "Restarting the Property and Rating batch scheduler", AH),
                            ("KA-05", "EDRMS search index rebuild (workaround for PRB-02)", AH),
                            ("KA-06", "Granting access to council business applications", AH)):
        doc(kid, title, "knowledge_article", "P05" if svc == DI else "P13", ["P03"], date(2025, 9, 2), review=12,
            reviewed=date(2026, 4, 28), services=[svc], folder="Knowledge base")


# --------------------------------------------------------------------------------------
# Context, interested parties, risks, controls, objectives
# --------------------------------------------------------------------------------------

def build_planning():
    issues = [
        ("external", "NSW Office of Local Government cyber security guidelines expect councils to reach Essential Eight maturity level 2"),
        ("external", "Rate pegging limits growth of council revenue and therefore of the ICT budget"),
        ("external", "Climate change: more frequent heatwaves, bushfire smoke and flash flooding threaten the Civic Centre server room and staff access to sites"),
        ("external", "Shortage of experienced ICT staff in the region makes vacancies slow to fill"),
        ("internal", "A team of twelve: several services depend on one or two people's knowledge"),
        ("internal", "Council Digital Strategy 2025-2029 moves more customer services online, raising availability expectations"),
        ("internal", "The Property and Rating system reaches the end of its current major version in 2027"),
    ]
    for i, (kind, text) in enumerate(issues, 1):
        add("ContextIssue", id=f"CI-ISS-{i:02d}", description=text, kind=kind, reviewed_on=date(2026, 3, 24),
            recorded_in="DOC-PLAN")

    parties = [
        (STAFF_NAME, "customer", "Working desktops, accounts and business applications during business hours; changes notified in advance; rates season and payroll runs protected"),
        (CLR_NAME, "customer", "Reliable tablets and email for council business, including after hours; fast replacement of failed devices; privacy of constituent correspondence"),
        ("Executive Leadership Team", "owner", "ICT services within budget, compliance with OLG guidelines, reporting through management review and to the Audit, Risk and Improvement Committee"),
        ("Audit, Risk and Improvement Committee", "other", "Assurance that ICT risks are managed; internal audit results and corrective actions reported"),
        ("NSW Office of Local Government", "regulator", "Risk management and internal audit framework for councils; cyber security guidelines"),
        ("Information and Privacy Commission NSW", "regulator", "Personal information handled under the PPIP Act; data breaches notified under the mandatory notification scheme"),
        ("ICT Services staff", "staff", "Clear roles, training, manageable on-call load, tools that work"),
        ("Facilities and Property Unit", "supplier", "Advance notice of ICT work in plant rooms; ICT requirements for power and cooling stated in the internal agreement"),
        ("Procurement and Contracts Unit", "supplier", "Purchases raised through council procurement policy with approved budget; renewal dates given three months ahead"),
        ("People and Culture Unit", "supplier", "Starter and leaver notices received through the HR system feed; access removed on the last working day"),
        ("Ratepayers and residents", "user", "Online council services available; personal information protected"),
    ]
    for i, (name, kind, req) in enumerate(parties, 1):
        add("InterestedParty", id=f"IP-{i:02d}", name=name, kind=kind, requirements=req, reviewed_on=date(2026, 3, 24))

    risks = [
        ("RSK-01", "Key-person dependency in a twelve-person team", "sms", "P02", 3, 4, "mitigate", "treating", ["ACT-21"], None),
        ("RSK-02", "Property and Rating system too slow during the annual rates run", "service", "P04", 3, 3, "mitigate", "treating", ["ACT-16"], [AH]),
        ("RSK-03", "Single storage array holds every hosted application", "availability", "P04", 2, 5, "mitigate", "treating", ["ACT-13"], [AH]),
        ("RSK-04", "Civic Centre server room lost to flood or to HVAC shutdown in bushfire smoke", "continuity", "P04", 2, 5, "mitigate", "treating", ["ACT-07", "ACT-08"], [DI, AH]),
        ("RSK-05", "Phishing leads to compromise of staff credentials", "security", "P07", 4, 4, "mitigate", "treating", ["ACT-01"], [DI]),
        ("RSK-06", "Unpatched vulnerabilities on internet-facing systems", "security", "P07", 3, 4, "mitigate", "treating", ["ACT-19"], [DI, AH]),
        ("RSK-07", "Ransomware encrypts council file shares and application data", "security", "P07", 2, 5, "mitigate", "treating", ["ACT-13"], [DI, AH]),
        ("RSK-08", "Facilities cannot fund the UPS battery replacement before end of life", "supplier", "P02", 2, 3, "accept", "accepted", None, [DI, AH]),
        ("RSK-09", "Late leaver notices from People and Culture leave accounts active", "supplier", "P02", 3, 3, "mitigate", "treating", ["ACT-20"], [DI]),
    ]
    for rid, title, cat, owner, lik, imp, treat, status, acts, svcs in risks:
        add("Risk", id=rid, title=title, category=cat, owner=owner, identified_on=date(2024, 8, 27), likelihood=lik,
            impact=imp, treatment=treat, status=status, last_assessed_on=date(2026, 3, 10) if rid != "RSK-03" else date(2026, 4, 14),
            accepted_by="P01" if status == "accepted" else None, actions=acts, services=svcs)

    controls = [
        ("SC-01", "Multi-factor authentication for remote access and privileged accounts", "ACSC E8 MFA; ISO/IEC 27001 A.8.5", "P07", ["RSK-05"]),
        ("SC-02", "Patch applications within two weeks (48 hours if exploited)", "ACSC E8 Patch applications; A.8.8", "P12", ["RSK-06"]),
        ("SC-03", "Patch operating systems within two weeks (48 hours if exploited)", "ACSC E8 Patch operating systems; A.8.8", "P12", ["RSK-06"]),
        ("SC-04", "Daily backups with offline copy, restore tested quarterly", "ACSC E8 Regular backups; A.8.13", "P04", ["RSK-07"]),
        ("SC-05", "Application control on desktops and servers", "ACSC E8 Application control; A.8.19", "P11", ["RSK-07"]),
        ("SC-06", "Restricted administrative privileges, reviewed quarterly", "ACSC E8 Restrict admin privileges; A.8.2", "P07", ["RSK-05", "RSK-07"]),
        ("SC-07", "Annual cyber security awareness training for all staff", "ISO/IEC 27001 A.6.3", "P07", ["RSK-05"]),
        ("SC-08", "Leaver accounts disabled on the last working day", "ISO/IEC 27001 A.5.18", "P05", ["RSK-09"]),
    ]
    for cid, name, ref, owner, rsk in controls:
        add("SecurityControl", id=cid, name=name, reference=ref, owner=owner, implemented=True,
            last_reviewed_on=date(2026, 2, 24), risks=rsk)

    objectives = [
        ("OBJ-00", "Prepare the ICT service management system for ISO/IEC 20000-1 certification", "service_level_management",
         "Readiness assessment with no major gap", "1", "assessment", "P03", date(2025, 6, 30), "achieved"),
        ("OBJ-01", "Resolve P1 and P2 incidents within their SLA targets", "incident_management",
         "Share of P1-P2 incidents resolved within target", "90", "percent", "P05", date(2026, 6, 30), "on_track"),
        ("OBJ-02", "Keep the change success rate high", "change_management",
         "Share of implemented changes with outcome successful", "95", "percent", "P06", date(2026, 6, 30), "on_track"),
        ("OBJ-03", "Closed problems stop their incidents recurring", "problem_management",
         "Share of closed problems with no linked incident in the 90 days after closure", "100", "percent", "P05", date(2026, 12, 31), "on_track"),
        ("OBJ-04", "Staff satisfaction with ICT of at least 4.0 out of 5", "business_relationship_management",
         "Average score of the ICT satisfaction survey", "4.0", "score", "P03", date(2026, 12, 31), "at_risk"),
        ("OBJ-05", "Council Applications Hosting available 99.7% of the time", "service_availability_management",
         "Measured availability in business hours", "99.7", "percent", "P04", date(2026, 6, 30), "on_track"),
        ("OBJ-06", "Every member of staff completes cyber security awareness training each year", "information_security_management",
         "Share of ICT staff with a current completion", "100", "percent", "P07", date(2026, 12, 31), "on_track"),
    ]
    for oid, title, proc, measure, target, unit, owner, due, status in objectives:
        add("Objective", id=oid, title=title, process=proc, measure=measure, target=target, unit=unit, owner=owner,
            due_on=due, status=status, communicated=True)
    # quarterly measurement of the objectives (the April-June quarter is evaluated in July)
    quarters = [(date(2025, 7, 1), date(2025, 9, 30)), (date(2025, 10, 1), date(2025, 12, 31)), (date(2026, 1, 1), date(2026, 3, 31))]
    vals = {"OBJ-01": ("93", "91", "89"), "OBJ-02": ("100", "96", "100"), "OBJ-03": ("100", "100", "100"),
            "OBJ-04": ("3.8", "3.9", "3.9"), "OBJ-05": ("99.93", "99.95", "99.83"), "OBJ-06": ("92", "100", "83")}
    targets = {o[0]: float(o[4]) for o in objectives}
    n = 200
    for oid in ("OBJ-01", "OBJ-02", "OBJ-03", "OBJ-04", "OBJ-05", "OBJ-06"):
        for (qs, qe), v in zip(quarters, vals[oid]):
            n += 1
            add("Measurement", id=f"M-{n:03d}", objective=oid, target=None, service=AH if oid == "OBJ-05" else None,
                period_start=qs, period_end=qe, value=v, met=float(v) >= targets[oid],
                evaluated_on=workday(qe + timedelta(days=10)))


# --------------------------------------------------------------------------------------
# Configuration, assets
# --------------------------------------------------------------------------------------

CIS = [
    # id, name, type, owner, services, depends_on, description
    ("CI-AD", "Active Directory domain HCC.local", "directory", "P12", [DI, AH], ["CI-HV1", "CI-HV2"], "Two domain controllers; identity for every council user and application"),
    ("CI-MFA", "MFA gateway (RADIUS)", "security service", "P07", [DI], ["CI-AD"], "Second factor for remote access and administrator sign-in"),
    ("CI-EXCH", "Exchange mail servers", "application", "P12", [DI], ["CI-AD", "CI-SAN"], "Two-node database availability group for council mail"),
    ("CI-FS", "File server FS02", "server", "P12", [DI], ["CI-SAN", "CI-AD"], "Departmental and home drives"),
    ("CI-FS-OLD", "File server FS01", "server", "P12", [DI], None, "Predecessor of FS02, decommissioned April 2026"),
    ("CI-PRINT", "Print server and follow-me printing", "server", "P11", [DI], ["CI-AD"], "Queues for 38 multifunction devices"),
    ("CI-SCCM", "Endpoint management (Configuration Manager)", "application", "P11", [DI], ["CI-AD", "CI-SQL"], "Desktop image, software deployment and patching"),
    ("CI-SOE", "Standard desktop image (SOE 2026)", "software baseline", "P11", [DI], ["CI-SCCM"], "Windows 11 build with council applications, released February 2026"),
    ("CI-LAPTOPS", "Staff and councillor laptop and tablet fleet", "device group", "P11", [DI], ["CI-SOE"], "About 420 managed laptops and tablets"),
    ("CI-WIFI", "Corporate wireless network", "network", "P12", [DI], ["CI-CORE"], "Wireless in the Civic Centre, depot and libraries"),
    ("CI-CORE", "Core switch stack", "network", "P12", [DI, AH], None, "Civic Centre core network"),
    ("CI-FW", "Perimeter firewall and VPN", "network", "P12", [DI, AH], ["CI-CORE"], "Internet edge and remote access VPN"),
    ("CI-HV1", "Hypervisor host VH01", "server", "P04", [AH], ["CI-SAN", "CI-CORE"], "Virtualisation host, Civic Centre"),
    ("CI-HV2", "Hypervisor host VH02", "server", "P04", [AH], ["CI-SAN", "CI-CORE"], "Virtualisation host, Civic Centre"),
    ("CI-SAN", "Storage array SAN01", "storage", "P04", [AH], None, "Dual-controller array holding all virtual machines"),
    ("CI-SQL", "SQL Server cluster", "database", "P13", [AH], ["CI-HV1", "CI-HV2"], "Databases of the business applications"),
    ("CI-PROP", "Property and Rating system", "application", "P13", [AH], ["CI-SQL"], "Rates, property and certificates"),
    ("CI-FIN", "Finance and Payroll system", "application", "P13", [AH], ["CI-SQL"], "General ledger, accounts payable, payroll"),
    ("CI-EDRMS", "Records management system (EDRMS)", "application", "P13", [AH], ["CI-SQL", "CI-FS"], "Council records and correspondence"),
    ("CI-BKP", "Backup server and offline tape library", "backup", "P04", [DI, AH], ["CI-SAN"], "Nightly backups, weekly offline tapes to the depot"),
]


def build_configuration():
    for cid, name, typ, owner, svcs, deps, descr in CIS:
        retired = cid == "CI-FS-OLD"
        add("ConfigurationItem", id=cid, name=name, ci_type=typ, status="retired" if retired else "active", owner=owner,
            services=None if retired else svcs, depends_on=deps, last_verified_on=date(2026, 2, 18) if not retired else date(2025, 3, 14),
            description=descr)
    assets = [
        ("AS-01", "Dell PowerEdge R750 VH01", "server hardware", "P04", "CI-HV1", "in use", "Civic Centre server room"),
        ("AS-02", "Dell PowerEdge R750 VH02", "server hardware", "P04", "CI-HV2", "in use", "Civic Centre server room"),
        ("AS-03", "Storage array SAN01", "storage hardware", "P04", "CI-SAN", "in use", "Civic Centre server room"),
        ("AS-04", "Core switch stack (2 units)", "network hardware", "P12", "CI-CORE", "in use", "Civic Centre server room"),
        ("AS-05", "Perimeter firewall pair", "network hardware", "P12", "CI-FW", "in use", "Civic Centre server room"),
        ("AS-06", "Tape library", "backup hardware", "P04", "CI-BKP", "in use", "Works Depot server room"),
        ("AS-07", "Windows Server Datacenter licences (4 hosts)", "software licence", "P02", None, "in use", "Licence register"),
        ("AS-08", "Property and Rating system licence", "software licence", "P13", "CI-PROP", "in use", "Licence register"),
        ("AS-09", "Finance and Payroll system licence", "software licence", "P13", "CI-FIN", "in use", "Licence register"),
        ("AS-10", "Laptop and tablet fleet (420 devices)", "end-user devices", "P11", "CI-LAPTOPS", "in use", "Asset register, by device"),
        ("AS-11", "File server FS01 hardware", "server hardware", "P12", "CI-FS-OLD", "disposed", "Sanitised and recycled 2026-05-08"),
    ]
    for aid, name, kind, owner, ci, status, loc in assets:
        add("Asset", id=aid, name=name, kind=kind, owner=owner, ci=ci, status=status, location=loc)
    add("ConfigurationAudit", id="CA-2025", performed_on=date(2025, 3, 14), scope="All CIs of both services against discovery and the asset register",
        discrepancies=4, report="DOC-CA-2025")
    add("ConfigurationAudit", id="CA-2026", performed_on=date(2026, 2, 18), scope="All CIs of both services against discovery and the asset register",
        discrepancies=1, report="DOC-CA-2026")
    doc("DOC-CA-2025", "Configuration audit report March 2025", "other", "P06", ["P02"], date(2025, 3, 20), review=None,
        folder="Records")
    doc("DOC-CA-2026", "Configuration audit report February 2026", "other", "P06", ["P02"], date(2026, 2, 24), review=None,
        folder="Records")


# --------------------------------------------------------------------------------------
# Changes and releases
# --------------------------------------------------------------------------------------

def build_changes():
    def change(cid, title, kind, status, requested_on, requested_by, risk, approvers, approved_on, authority, start, end,
               implemented, outcome, services, cis, release=None, pir=None, remediation=None, tested=None, communicated=None,
               impact_assessed=True, backout=True):
        add("Change", id=cid, title=title, kind=kind, status=status, requested_on=requested_on, requested_by=requested_by,
            risk=risk, impact_assessed=impact_assessed, approved_by=approvers, approved_on=approved_on,
            approval_authority=authority, planned_start=ts(start) if start else None, planned_end=ts(end) if end else None,
            implemented_on=ts(implemented) if implemented else None, backout_plan=backout if implemented or approved_on else None,
            outcome=outcome, pir_on=pir, remediation=remediation, services=services, cis=cis, release=release,
            tested_on=tested, communicated_on=communicated)

    cab = ["P02", "P03", "P06"]
    # standard changes: bi-monthly server patching under the pre-approved model
    for i, (y, m) in enumerate(((2025, 7), (2025, 9), (2025, 11), (2026, 1), (2026, 3), (2026, 5))):
        d = first_sunday(y, m) + timedelta(days=13)    # third Sunday morning
        change(f"CHG-{101 + i * 2:04d}", f"Server patching cycle {d:%B %Y}", "standard", "closed", d - timedelta(days=10),
               "P12", "low", None, None, "pre_approved", L(d.year, d.month, d.day, 7), L(d.year, d.month, d.day, 12),
               L(d.year, d.month, d.day, 7, 5), "successful", [DI, AH], ["CI-HV1", "CI-HV2", "CI-SQL", "CI-EXCH"],
               tested=d - timedelta(days=3), communicated=d - timedelta(days=6))
    change("CHG-0102", "Core switch stack firmware upgrade", "normal", "closed", date(2025, 8, 4), "P12", "medium",
           cab, date(2025, 8, 12), "cab", L(2025, 8, 23, 18), L(2025, 8, 23, 22), L(2025, 8, 23, 18, 10), "successful",
           [DI, AH], ["CI-CORE"], tested=date(2025, 8, 19), communicated=date(2025, 8, 14))
    change("CHG-0104", "Upgrade Finance and Payroll system to release 2025.2", "normal", "closed", date(2025, 8, 28), "P13",
           "high", cab + ["P04", "P05", "P07"], date(2025, 9, 9), "cab", L(2025, 9, 20, 8), L(2025, 9, 20, 17),
           L(2025, 9, 20, 8, 15), "successful", [AH], ["CI-FIN", "CI-SQL"], release="REL-01",
           tested=date(2025, 9, 16), communicated=date(2025, 9, 10))
    change("CHG-0106", "Docking station firmware update across the laptop fleet", "normal", "closed", date(2025, 11, 24),
           "P11", "medium", cab, date(2025, 12, 9), "cab", L(2025, 12, 10, 7), L(2025, 12, 12, 18),
           L(2025, 12, 10, 7, 30), "successful", [DI], ["CI-LAPTOPS", "CI-SCCM"], tested=date(2025, 12, 4),
           communicated=date(2025, 12, 9))
    # emergency change decided by the ECAB at dawn and implemented the same (Sydney) morning:
    # 07:30 AEDT on 15 January is still 14 January in UTC
    change("CHG-0108", "Emergency patch of the VPN gateway for an actively exploited vulnerability", "emergency", "closed",
           date(2026, 1, 15), "P07", "high", ["P02", "P06", "P07"], date(2026, 1, 15), "ecab", L(2026, 1, 15, 7, 15),
           L(2026, 1, 15, 8, 30), L(2026, 1, 15, 7, 30), "successful", [DI, AH], ["CI-FW"], pir=date(2026, 1, 22),
           tested=date(2026, 1, 15), communicated=date(2026, 1, 15))
    change("CHG-0110", "Deploy the SOE 2026 desktop image", "normal", "closed", date(2026, 1, 19), "P11", "medium",
           cab + ["P05"], date(2026, 2, 10), "cab", L(2026, 2, 16, 7), L(2026, 3, 13, 18), L(2026, 2, 16, 7, 20),
           "successful", [DI], ["CI-SOE", "CI-SCCM", "CI-LAPTOPS"], release="REL-02", tested=date(2026, 2, 11),
           communicated=date(2026, 2, 11))
    change("CHG-0112", "Replace failed SAN controller and update array firmware", "normal", "closed", date(2026, 3, 12),
           "P04", "high", cab + ["P04", "P07"], date(2026, 3, 17), "cab", L(2026, 3, 21, 18), L(2026, 3, 21, 23),
           L(2026, 3, 21, 18, 5), "successful", [AH], ["CI-SAN"], tested=date(2026, 3, 19), communicated=date(2026, 3, 18))
    change("CHG-0114", "Decommission file server FS01", "normal", "closed", date(2026, 3, 30), "P12", "low", ["P06"],
           date(2026, 4, 2), "change_manager", L(2026, 4, 11, 9), L(2026, 4, 11, 12), L(2026, 4, 11, 9, 10), "successful",
           [DI], ["CI-FS-OLD"], tested=date(2026, 4, 8), communicated=date(2026, 4, 3))
    change("CHG-0116", "Upgrade the Property and Rating system to version 10.4", "normal", "closed", date(2026, 4, 20),
           "P13", "high", cab + ["P04", "P05", "P07", "P08"], date(2026, 5, 12), "cab", L(2026, 5, 16, 8),
           L(2026, 5, 16, 16), L(2026, 5, 16, 8, 5), "partially_successful", [AH], ["CI-PROP", "CI-SQL"], release="REL-03",
           pir=date(2026, 5, 26), remediation="Certificate printing template failed after the upgrade; vendor template "
           "re-applied on 18 May under CHG-0116 back-out step 4; test script extended to cover certificates",
           tested=date(2026, 5, 13), communicated=date(2026, 5, 6))
    change("CHG-0117", "Allow personal devices to reach EDRMS without MFA", "normal", "rejected", date(2026, 5, 4), "P08",
           "high", None, None, "cab", None, None, None, None, [AH], ["CI-EDRMS"], backout=None)
    change("CHG-0118", "Extend MFA to councillor tablets", "normal", "assessed", date(2026, 6, 8), "P07", "medium",
           None, None, None, None, None, None, None, [DI], ["CI-MFA", "CI-LAPTOPS"], backout=None)
    change("CHG-0119", "Move the print server to Windows Server 2025", "normal", "requested", date(2026, 6, 22), "P11",
           None, None, None, None, None, None, None, None, [DI], ["CI-PRINT"], impact_assessed=False, backout=None)

    def release(rid, title, kind, planned, tested, deployed, outcome, services, approvers, approved_on, baseline):
        add("Release", id=rid, title=title, kind=kind, planned_on=planned, tested_on=tested, acceptance_criteria_met=True,
            deployed_on=ts(deployed), outcome=outcome, backout_plan=True, cmdb_updated=True, services=services,
            approved_by=approvers, approved_on=approved_on, baseline_on=baseline)
    release("REL-01", "Finance and Payroll 2025.2", "minor", date(2025, 9, 20), date(2025, 9, 16), L(2025, 9, 20, 8, 15),
            "successful", [AH], ["P02", "P13"], date(2025, 9, 17), date(2025, 9, 19))
    release("REL-02", "SOE 2026 desktop image", "major", date(2026, 2, 16), date(2026, 2, 11), L(2026, 2, 16, 7, 20),
            "successful", [DI], ["P02", "P05"], date(2026, 2, 12), date(2026, 2, 13))
    release("REL-03", "Property and Rating 10.4", "major", date(2026, 5, 16), date(2026, 5, 13), L(2026, 5, 16, 8, 5),
            "successful", [AH], ["P02", "P04", "P13"], date(2026, 5, 14), date(2026, 5, 15))


# --------------------------------------------------------------------------------------
# Incidents, problems, requests, outages
# --------------------------------------------------------------------------------------

TEMPLATES = [
    # service, category, title, cis, impact, urgency, resolution, assignee
    (DI, "access", "User locked out after password change", ["CI-AD"], 3, 2, "Account unlocked, cached credentials cleared on the laptop", "P09"),
    (AH, "performance", "Property and Rating screens slow for the revenue team", ["CI-PROP"], 3, 2, "Long-running report query stopped; statistics updated on the rates database", "P13"),
    (DI, "network", "Laptop cannot join the corporate wireless network", ["CI-WIFI"], 4, 3, "Expired device certificate renewed through endpoint management", "P10"),
    (AH, "application", "Overnight Finance report job failed", ["CI-FIN"], 3, 3, "Job rerun after the disk quota on the report share was raised", "P13"),
    (DI, "email", "Mailbox will not load in Outlook", ["CI-EXCH"], 3, 3, "Outlook profile rebuilt and offline cache recreated", "P09"),
    (AH, "backup", "Nightly backup job failed for the SQL cluster", ["CI-BKP"], 3, 3, "Backup agent restarted and job rerun successfully the same day", "P04"),
    (DI, "print", "Follow-me printing queue stuck on level 2", ["CI-PRINT"], 4, 3, "Print spooler restarted and stuck job removed", "P11"),
    (AH, "application", "EDRMS document check-in error", ["CI-EDRMS"], 3, 3, "Locked document released by the records administrator tool", "P13"),
    (DI, "software", "Application failed to install from the software centre", ["CI-SCCM"], 4, 3, "Deployment type corrected and package redistributed", "P11"),
    (AH, "infrastructure", "Memory alarm on a hypervisor host", ["CI-HV1"], 3, 3, "Virtual machines rebalanced across hosts; memory reservation corrected", "P12"),
    (DI, "file", "Shared drive mapping missing after login", ["CI-FS"], 4, 3, "Group membership corrected; drive maps applied at next login", "P10"),
    (DI, "access", "MFA prompt not received when working from home", ["CI-MFA"], 3, 2, "Authenticator re-registered for the user", "P09"),
]
# Leave the working day at 2, 6, 10, 14 and 18 days into each month; the template cycles
# so that no configuration item recurs three times within 90 days.
SLOT_DAYS = (3, 12, 21)


def priority(impact, urgency):
    """The service desk's priority matrix: the rounded-up mean of impact and urgency."""
    return min(4, (impact + urgency + 1) // 2)


RESOLVE_HOURS = {1: 4, 2: 8, 3: 24, 4: 72}


def build_incidents():
    n = 0

    def incident(title, opened, category, impact, urgency, service, cis, assignee, resolution, resolve_after,
                 status="closed", major=False, security=False, problem=None, escalated=None, informed=None, review=None,
                 close_after=timedelta(days=2), reassign=0):
        nonlocal n
        n += 1
        prio = priority(impact, urgency)
        target = opened + timedelta(hours=RESOLVE_HOURS[prio])
        resolved = opened + resolve_after if status in ("resolved", "closed") else None
        closed = resolved + close_after if status == "closed" else None
        add("Incident", id=f"INC-{n:04d}", title=title, opened_at=ts(opened), category=category, impact=impact,
            urgency=urgency, priority=prio, status=status, major=major, security=security, service=service, cis=cis,
            assigned_to=assignee, escalated=escalated if escalated is not None else (prio <= 2),
            target_resolve_at=ts(target), resolved_at=ts(resolved) if resolved else None,
            closed_at=ts(closed) if closed else None, resolution=resolution if resolved else None, problem=problem,
            top_management_informed_on=informed, review_on=review, reassignment_count=reassign, reopen_count=0,
            sla_met=(resolved <= target) if resolved else None)
        return f"INC-{n:04d}"

    events = []   # (opened, kwargs)
    k = 0
    for y, m in MONTHS:
        for day in SLOT_DAYS:
            opened = datetime.combine(workday(date(y, m, day)), datetime.min.time()).replace(hour=8 + (k * 3) % 8, minute=(k * 17) % 60)
            if opened.date() > AS_OF:
                continue
            svc, cat, title, cis, imp, urg, res, who = TEMPLATES[k % len(TEMPLATES)]
            if who == "P09" and opened.date() < date(2026, 2, 1) and k % 2:
                who = "P15"      # the desktop support officer who left in February 2026
            prio = priority(imp, urg)
            after = timedelta(hours=RESOLVE_HOURS[prio] * (0.4 + (k % 5) / 10))
            recent = opened.date() > AS_OF - timedelta(days=12)
            events.append((opened, dict(title=title, category=cat, impact=imp, urgency=urg, service=svc, cis=cis,
                                        assignee=who, resolution=res, resolve_after=after,
                                        status="in_progress" if recent and k % 2 else ("resolved" if recent else "closed"))))
            k += 1

    # problem PRB-01: docking stations dropping displays and network after a vendor firmware push
    for d, h in ((date(2025, 10, 20), 9), (date(2025, 10, 28), 11), (date(2025, 11, 5), 10), (date(2025, 11, 17), 14)):
        events.append((L(d.year, d.month, d.day, h), dict(
            title="Docking station drops monitors and network after wake", category="hardware", impact=3, urgency=2,
            service=DI, cis=["CI-LAPTOPS"], assignee="P11", resolution="Dock power-cycled and firmware reapplied; "
            "linked to problem PRB-01", resolve_after=timedelta(hours=5), problem="PRB-01")))
    # problem PRB-02: EDRMS search index corruption (known error, workaround KA-05)
    for d, h in ((date(2026, 4, 8), 10), (date(2026, 5, 6), 9), (date(2026, 6, 3), 13)):
        events.append((L(d.year, d.month, d.day, h), dict(
            title="EDRMS search returns no results for recent documents", category="application", impact=3, urgency=2,
            service=AH, cis=["CI-EDRMS"], assignee="P13", resolution="Search index rebuilt following KA-05 (known error PRB-02)",
            resolve_after=timedelta(hours=6), problem="PRB-02")))
    # security incidents
    events.append((L(2025, 11, 11, 10, 40), dict(
        title="Credential phishing campaign reached 37 staff mailboxes", category="security - phishing", impact=2, urgency=1,
        service=DI, cis=["CI-EXCH", "CI-AD"], assignee="P07", resolution="Messages purged, two exposed accounts reset and "
        "MFA re-registered, sender domain blocked; no sign-in from the attacker found", resolve_after=timedelta(hours=5),
        security=True, escalated=True)))
    events.append((L(2026, 4, 20, 16, 5), dict(
        title="Councillor tablet reported lost on a train", category="security - lost device", impact=3, urgency=2,
        service=DI, cis=["CI-LAPTOPS"], assignee="P07", resolution="Device remotely wiped and account sessions revoked; "
        "privacy officer confirmed no notifiable breach (device encrypted)", resolve_after=timedelta(hours=3),
        security=True, escalated=True)))
    # the major incident of the year: SAN controller failure at 07:05 AEDT (still 10 March in UTC)
    events.append((L(2026, 3, 11, 7, 5), dict(
        title="Property and Rating, Finance and EDRMS unavailable - storage controller failure", category="infrastructure",
        impact=1, urgency=1, service=AH, cis=["CI-SAN", "CI-PROP", "CI-FIN", "CI-EDRMS"], assignee="P04",
        resolution="Failed controller isolated, array failed over to the surviving controller, virtual machines restarted "
        "and application integrity checked; controller replaced under CHG-0112", resolve_after=timedelta(hours=3, minutes=5),
        major=True, escalated=True, informed=date(2026, 3, 11), review=date(2026, 3, 18), reassign=1)))
    # the Exchange outage of August
    events.append((L(2025, 8, 6, 13, 20), dict(
        title="Email delivery stopped for all staff", category="email", impact=2, urgency=1, service=DI,
        cis=["CI-EXCH"], assignee="P12", resolution="Transport service restarted after the certificate bound to the "
        "send connector was renewed", resolve_after=timedelta(minutes=50), escalated=True)))
    # a cancelled duplicate
    events.append((L(2026, 1, 28, 9, 15), dict(
        title="Duplicate of a password lockout already logged", category="access", impact=4, urgency=4, service=DI,
        cis=None, assignee="P10", resolution=None, resolve_after=timedelta(0), status="cancelled")))

    ids = {}
    for opened, kw in sorted(events, key=lambda e: e[0]):
        iid = incident(opened=opened, **kw)
        ids[(opened, kw["title"])] = iid
    major = [i for i in DATA["Incident"] if i["major"]][0]
    exch = [i for i in DATA["Incident"] if i["title"] == "Email delivery stopped for all staff"][0]

    add("Problem", id="PRB-01", title="Docking stations lose monitors and network after wake", opened_on=date(2025, 11, 6),
        priority=3, status="closed", root_cause="Vendor dock firmware 1.0.31 pushed in October mishandles USB-C power "
        "negotiation on wake from sleep", known_error=True, workaround="Power-cycle the dock and reapply firmware",
        resolved_on=date(2025, 12, 12), closed_on=date(2026, 1, 20), cis=["CI-LAPTOPS"], change="CHG-0106",
        reviewed_on=date(2026, 1, 20))
    add("Problem", id="PRB-02", title="EDRMS search index becomes corrupt after month-end archiving", opened_on=date(2026, 4, 9),
        priority=3, status="known_error", root_cause="Month-end archiving job runs while the incremental indexer holds "
        "a lock; the vendor has confirmed the defect for the next release", known_error=True,
        workaround="Rebuild the search index after archiving (KA-05)", resolved_on=None, closed_on=None,
        cis=["CI-EDRMS"], change=None, reviewed_on=date(2026, 6, 9))

    add("Outage", id="OUT-01", service=DI, started_at=exch["opened_at"], ended_at=exch["resolved_at"], planned=False,
        cause="Expired certificate on the Exchange send connector", investigated_on=date(2025, 8, 8), incident=exch["id"])
    add("Outage", id="OUT-02", service=DI, started_at=ts(L(2025, 8, 23, 18, 10)), ended_at=ts(L(2025, 8, 23, 19, 40)),
        planned=True, cause="Core switch firmware upgrade (CHG-0102)", investigated_on=None, incident=None)
    add("Outage", id="OUT-03", service=AH, started_at=major["opened_at"], ended_at=major["resolved_at"], planned=False,
        cause="Storage controller hardware failure; automatic failover did not complete because of a firmware defect",
        investigated_on=date(2026, 3, 18), incident=major["id"])
    add("Outage", id="OUT-04", service=AH, started_at=ts(L(2026, 5, 16, 8, 5)), ended_at=ts(L(2026, 5, 16, 15, 40)),
        planned=True, cause="Property and Rating upgrade to 10.4 (CHG-0116)", investigated_on=None, incident=None)

    # service requests: roughly five a month
    cats = [("new starter", DI, "P09", 3), ("leaver", DI, "P10", 2), ("software install", DI, "P11", 4),
            ("application access", AH, "P13", 3), ("hardware", DI, "P11", 4), ("mailbox or group", DI, "P09", 4),
            ("report extract", AH, "P08", 4)]
    n = 0
    for mi, (y, m) in enumerate(MONTHS):
        for j, day in enumerate((2, 8, 14, 20, 26)):
            d = workday(date(y, m, day))
            if d > AS_OF:
                continue
            cat, svc, who, prio = cats[(mi * 5 + j) % len(cats)]
            if who == "P09" and d < date(2026, 2, 1) and (mi + j) % 2:
                who = "P15"
            n += 1
            opened = L(d.year, d.month, d.day, 9 + (n % 7), (n * 13) % 60)
            target = opened + timedelta(days=3 if prio >= 3 else 1)
            age = (AS_OF - d).days
            if age < 5:
                status, fulfilled, closed = ("new" if n % 2 else "in_progress"), None, None
            else:
                fulfilled = opened + timedelta(hours=4 + (n % 4) * 10)
                status = "fulfilled" if age < 9 else "closed"
                closed = fulfilled + timedelta(days=3) if status == "closed" else None
            add("ServiceRequest", id=f"REQ-{n:04d}", opened_at=ts(opened), category=cat, priority=prio, status=status,
                service=svc, assigned_to=who, target_fulfil_at=ts(target), fulfilled_at=ts(fulfilled) if fulfilled else None,
                closed_at=ts(closed) if closed else None)
    n += 1
    add("ServiceRequest", id=f"REQ-{n:04d}", opened_at=ts(L(2026, 3, 3, 11, 0)), category="software install", priority=4,
        status="cancelled", service=DI, assigned_to="P11", target_fulfil_at=ts(L(2026, 3, 6, 11, 0)), fulfilled_at=None,
        closed_at=None)


# --------------------------------------------------------------------------------------
# Continuity, audits, meetings, actions, nonconformities, improvements, communication
# --------------------------------------------------------------------------------------

def build_evaluation():
    A = {}

    def action(aid, description, owner, raised_on, due, completed=None, status=None, raised_in=None, objective=None):
        add("Action", id=aid, description=description, owner=owner, raised_on=raised_on, raised_in=raised_in, due_on=due,
            completed_on=completed, status=status or ("done" if completed else "open"), objective=objective)

    # continuity: one plan, tested every November at the Works Depot secondary server room
    add("ContinuityTest", id="CT-2024", plan="DOC-BCP", tested_on=date(2024, 11, 16), kind="walkthrough", result="passed",
        issues_found=0, actions=None, report="DOC-CT-2024", reviewed_on=date(2024, 11, 26))
    add("ContinuityTest", id="CT-2025", plan="DOC-BCP", tested_on=date(2025, 11, 15), kind="simulation",
        result="partially_passed", issues_found=2, actions=["ACT-07", "ACT-08"], report="DOC-CT-2025",
        reviewed_on=date(2025, 11, 25))
    doc("DOC-CT-2024", "Continuity exercise report November 2024", "other", "P04", ["P02"], date(2024, 11, 26), review=None, folder="Records")
    doc("DOC-CT-2025", "Continuity exercise report November 2025", "other", "P04", ["P02"], date(2025, 11, 25), review=None, folder="Records")

    # internal audits, all by the council's internal auditor from Governance and Risk
    audits = [
        ("IA-2025-1", date(2025, 5, 20), date(2025, 5, 20), "done", ["incident_management", "service_request_management", "change_management"],
         "Readiness audit before the SMS went into operation", ["P02", "P05", "P06"]),
        ("IA-2025-2", date(2025, 9, 10), date(2025, 9, 10), "done",
         ["service_portfolio", "service_catalogue_management", "business_relationship_management", "service_level_management",
          "budgeting_and_accounting", "demand_management", "capacity_management"],
         "SMS clauses 4 to 7, 9 and 10 with the portfolio, relationship, service level, budgeting, demand and capacity processes",
         ["P02", "P03", "P04"]),
        ("IA-2025-3", date(2025, 12, 3), date(2025, 12, 4), "done",
         ["change_management", "service_design_and_transition", "release_and_deployment_management", "configuration_management",
          "asset_management"], "Control of change: change, design and transition, release, configuration and assets",
         ["P02", "P06", "P13"]),
        ("IA-2026-1", date(2026, 3, 17), date(2026, 3, 19), "done",
         ["incident_management", "service_request_management", "problem_management", "service_availability_management",
          "service_continuity_management", "information_security_management", "supplier_management"],
         "Resolution, assurance and supplier processes", ["P02", "P04", "P05", "P07"]),
        ("IA-2026-2", date(2026, 9, 8), None, "planned", ["change_management", "incident_management", "service_level_management"],
         "Follow-up audit of the 2025-26 findings", None),
    ]
    for aid, planned, performed, status, procs, scope, reported in audits:
        rep = "DOC-" + aid if status == "done" else None
        add("InternalAudit", id=aid, planned_on=planned, performed_on=performed, status=status, processes=procs,
            auditors=["P14"], criteria="ISO/IEC 20000-1:2018, the SMS plan and the process descriptions in force",
            report=rep, reported_to=reported, scope=scope)
        if rep:
            doc(rep, f"Internal audit report {aid}", "audit_report", "P14", ["P14", "P02"], performed + timedelta(days=6),
                review=None, folder="Audit")

    # meetings
    M = []

    def meeting(mid, kind, held, attendees, decisions, inputs=None, customer=None, supplier=None, sla=None, service=None):
        minutes = "DOC-MIN-" + mid[4:]
        M.append(dict(id=mid, kind=kind, held_on=held, attendees=attendees, inputs=inputs, decisions=decisions,
                      minutes=minutes, service=service, customer=customer, supplier=supplier, sla=sla))
        doc(minutes, f"Minutes {mid}", "minutes", "P03", ["P02"] if "P02" in attendees else [attendees[-1]],
            held + timedelta(days=5), review=None, folder="Minutes", retention=add_months(held, 84))

    meeting("MTG-MR-2025-03", "management_review", date(2025, 3, 25), ["P01", "P02", "P03", "P04", "P05", "P07"],
            "SMS launch approved; readiness audit planned for May",
            inputs=["policy_and_objectives", "risks_and_opportunities", "resource_adequacy"])
    meeting("MTG-MR-2025-09", "management_review", date(2025, 9, 16), ["P01", "P02", "P03", "P04", "P05", "P07"],
            "FY2025-26 objectives confirmed; councillor MFA to be planned; satisfaction survey to include councillors",
            inputs=["policy_and_objectives", "previous_actions", "external_internal_issues", "performance_and_trends",
                    "monitoring_results", "audit_results", "risks_and_opportunities", "resource_adequacy",
                    "interested_party_feedback"])
    meeting("MTG-MR-2026-03", "management_review", date(2026, 3, 24), ["P01", "P02", "P03", "P04", "P05", "P06", "P07"],
            "Storage resilience business case requested after the March major incident; rates-season staffing reviewed",
            inputs=["previous_actions", "external_internal_issues", "customer_satisfaction", "performance_and_trends",
                    "nonconformities_and_corrective_actions", "monitoring_results", "audit_results", "supplier_performance",
                    "risks_and_opportunities", "resource_adequacy", "improvement_opportunities", "interested_party_feedback"])
    for d in (date(2025, 8, 19), date(2025, 11, 18), date(2026, 2, 17), date(2026, 5, 26)):
        for svc, sla in ((DI, "SLA-DI-STAFF"), (AH, "SLA-AH-STAFF")):
            meeting(f"MTG-SVR-{svc[4:]}-{d:%Y-%m}", "service_review", d, ["P03", "P05" if svc == DI else "P04"],
                    "Monthly reports reviewed with the directorate representatives; no change to targets",
                    customer=CUS_STAFF, sla=sla, service=svc)
    for d in (date(2025, 10, 21), date(2026, 4, 21)):
        meeting(f"MTG-SVR-CLR-{d:%Y-%m}", "customer_review", d, ["P02", "P03"],
                "Councillors' service reviewed with the Mayor's office; tablet replacement stock increased",
                customer=CUS_CLR, sla="SLA-DI-CLR", service=DI)
    for d in (date(2025, 11, 25), date(2026, 5, 19)):
        for sup in ("SUP-FAC", "SUP-PROC", "SUP-PC"):
            meeting(f"MTG-SUP-{sup[4:]}-{d:%Y-%m}", "supplier_review", d, ["P02", "P03"],
                    "Performance against the internal agreement reviewed; agreement still fits the service requirements",
                    supplier=sup)
    for y, m in MONTHS:
        d = first_sunday(y, m) + timedelta(days=9)     # second Tuesday
        if d <= AS_OF:
            meeting(f"MTG-CAB-{d:%Y-%m}", "cab", d, ["P02", "P03", "P04", "P05", "P06", "P07"],
                    "Requests for change assessed; forward schedule of change agreed")
    meeting("MTG-ECAB-2026-01", "ecab", date(2026, 1, 15), ["P02", "P06", "P07"],
            "CHG-0108 approved at 06:10 for implementation at 07:30")
    M.sort(key=lambda x: (x["held_on"], x["id"]))
    DATA["Meeting"].extend(M)

    # actions
    action("ACT-01", "Plan MFA for councillor tablets", "P07", date(2025, 9, 16), date(2026, 6, 30), date(2026, 5, 29),
           raised_in="MTG-MR-2025-09")
    action("ACT-02", "Include the councillors in the November satisfaction survey", "P03", date(2025, 9, 16),
           date(2025, 11, 30), date(2025, 11, 27), raised_in="MTG-MR-2025-09", objective="OBJ-04")
    action("ACT-03", "Business case for a second storage array at the Works Depot", "P04", date(2026, 3, 24),
           date(2026, 8, 31), raised_in="MTG-MR-2026-03")
    action("ACT-04", "Roster an extra service desk analyst for the July rates run", "P05", date(2026, 3, 24),
           date(2026, 6, 30), date(2026, 6, 12), raised_in="MTG-MR-2026-03", objective="OBJ-01")
    action("ACT-05", "Publish the top ten request types as knowledge articles", "P05", date(2025, 10, 7),
           date(2026, 1, 31), date(2026, 1, 28), objective="OBJ-04")
    action("ACT-06", "Keep two spare councillor tablets enrolled and ready", "P11", date(2025, 10, 31), date(2025, 11, 30),
           date(2025, 11, 7))
    action("ACT-07", "Add the EDRMS restore sequence to the continuity plan", "P04", date(2025, 11, 25), date(2025, 12, 19),
           date(2025, 12, 9))
    action("ACT-08", "Keep a printed call tree at the Works Depot", "P04", date(2025, 11, 25), date(2025, 12, 19),
           date(2025, 12, 2))
    action("ACT-10", "Reconcile laptops in the asset register with the CMDB and fix the receiving step", "P06",
           date(2025, 12, 5), date(2026, 2, 27), date(2026, 2, 18))
    action("ACT-11", "Enrol lapsed staff in cyber awareness and add expiry alerts to the learning portal", "P07",
           date(2026, 3, 19), date(2026, 4, 30), date(2026, 4, 17), objective="OBJ-06")
    action("ACT-12", "Add storage firmware to the patching standard and schedule", "P04", date(2026, 3, 25),
           date(2026, 7, 31))
    action("ACT-13", "Configure SAN health alerts to the on-call phone and test failover quarterly", "P04",
           date(2026, 3, 18), date(2026, 4, 30), date(2026, 4, 28), objective="OBJ-05")
    action("ACT-14", "Tell the revenue team how to take manual receipts during an outage", "P03", date(2026, 3, 13),
           date(2026, 3, 31), date(2026, 3, 30))
    action("ACT-15", "Quarterly change success review at the CAB", "P06", date(2025, 7, 8), date(2026, 7, 14),
           objective="OBJ-02")
    action("ACT-16", "Load-test Property and Rating 10.4 with the rates run volume before July", "P13", date(2026, 4, 20),
           date(2026, 7, 10), objective="OBJ-05")
    action("ACT-17", "Problem review of incidents linked to closed problems, every quarter", "P05", date(2025, 7, 15),
           date(2026, 12, 31), objective="OBJ-03")
    action("ACT-18", "Monthly P1-P2 breach review at the team meeting", "P05", date(2025, 7, 15), date(2026, 6, 30),
           date(2026, 6, 23), objective="OBJ-01")
    action("ACT-19", "Move internet-facing servers to the 48-hour patch window", "P12", date(2025, 8, 26),
           date(2026, 9, 30))
    action("ACT-20", "Automate the leaver feed from the HR system into account disablement", "P05", date(2025, 10, 7),
           date(2026, 8, 31))
    action("ACT-21", "Cross-train a second administrator for the Finance and Property systems", "P02", date(2025, 9, 16),
           date(2026, 9, 30))

    add("Nonconformity", id="NC-01", source="internal_audit", audit="IA-2025-3", clause="8.2.6",
        description="Six laptops recorded in the asset register had no configuration record", raised_on=date(2025, 12, 5),
        grade="minor", root_cause="Receiving step in the asset procedure did not create the CI when devices arrived between SOE builds",
        correction="The six configuration records created", actions=["ACT-10"], status="closed", closed_on=date(2026, 2, 24),
        effectiveness_reviewed_on=date(2026, 2, 24))
    add("Nonconformity", id="NC-02", source="internal_audit", audit="IA-2026-1", clause="7.2",
        description="Two service desk analysts' cyber security awareness training had lapsed", raised_on=date(2026, 3, 19),
        grade="minor", root_cause="No reminder before the annual completion expired",
        correction="Both analysts completed the module", actions=["ACT-11"], status="closed", closed_on=date(2026, 5, 5),
        effectiveness_reviewed_on=date(2026, 5, 5))
    add("Nonconformity", id="NC-03", source="incident", audit=None, clause="8.7.1",
        description="Storage array firmware was outside the patching standard; the known failover defect was not patched",
        raised_on=date(2026, 3, 25), grade="minor", root_cause="Patching standard written for servers and desktops only",
        correction="Array firmware updated under CHG-0112", actions=["ACT-12"], status="open", closed_on=None,
        effectiveness_reviewed_on=None)

    add("Improvement", id="IMP-01", title="Self-service password reset", source="satisfaction survey", raised_on=date(2025, 11, 28),
        priority="medium", approved_by="P02", approved_on=date(2025, 12, 9), objective="OBJ-04", status="in_progress",
        completed_on=None, evaluated_on=None)
    add("Improvement", id="IMP-02", title="Storage health alerting to the on-call phone", source="major incident review",
        raised_on=date(2026, 3, 18), priority="high", approved_by="P02", approved_on=date(2026, 3, 18), objective="OBJ-05",
        status="done", completed_on=date(2026, 3, 27), evaluated_on=date(2026, 6, 9))
    add("Improvement", id="IMP-03", title="Knowledge articles for the ten most frequent requests", source="management review",
        raised_on=date(2025, 10, 7), priority="medium", approved_by="P02", approved_on=date(2025, 10, 7), objective="OBJ-04",
        status="done", completed_on=date(2026, 1, 28), evaluated_on=date(2026, 3, 24))
    add("Improvement", id="IMP-04", title="Rates-season capacity uplift for Property and Rating", source="capacity review",
        raised_on=date(2026, 4, 14), priority="high", approved_by="P01", approved_on=date(2026, 4, 21), objective=None,
        status="in_progress", completed_on=None, evaluated_on=None)
    add("Improvement", id="IMP-05", title="Remote wipe test for councillor tablets every quarter", source="security incident",
        raised_on=date(2026, 6, 18), priority="low", approved_by=None, approved_on=None, objective=None, status="proposed",
        completed_on=None, evaluated_on=None)

    # communication: "internal" = within ICT Services (the organisation in the SMS scope);
    # "external" = to the council staff and councillors it serves and to its internal suppliers
    comms = [
        ("COM-01", "internal", "ICT Services staff", "Service management policy 2.0 and the FY2025-26 objectives", "Team briefing and email", date(2025, 8, 26), "P01", ["DOC-POL", "DOC-OBJ"]),
        ("COM-02", "external", "All council staff and councillors", "ICT service management policy published", "Intranet news", date(2025, 8, 28), "P02", ["DOC-POL"]),
        ("COM-03", "internal", "ICT Services staff", "Updated SMS plan and communication plan", "Team meeting", date(2025, 9, 16), "P03", ["DOC-PLAN", "DOC-COMMS"]),
        ("COM-04", "internal", "ICT Services staff", "Information security policy 3.1", "Email", date(2025, 10, 8), "P07", ["DOC-ISP"]),
        ("COM-05", "external", "All council staff, councillors and supplying units", "Information security policy 3.1: what it asks of you", "Intranet and all-staff email", date(2025, 10, 14), "P07", ["DOC-ISP"]),
        ("COM-06", "external", "All council staff and councillors", "ICT satisfaction survey open", "All-staff email", date(2025, 11, 17), "P03", ["DOC-CAT"]),
        ("COM-07", "external", "All council staff", "Urgent VPN patch this morning", "All-staff email", date(2026, 1, 15), "P02", None),
        ("COM-08", "internal", "ICT Services staff", "Half-year SMS results and priorities", "Team briefing", date(2026, 2, 3), "P02", ["DOC-OBJ"]),
        ("COM-09", "external", "Directors and revenue, finance and records teams", "Business applications outage and restoration", "Email and intranet banner", date(2026, 3, 11), "P02", None),
        ("COM-10", "internal", "ICT Services staff", "Why the SMS matters: lessons from the March outage", "Team briefing", date(2026, 4, 7), "P01", ["DOC-POL"]),
        ("COM-11", "external", "All council staff", "Property and Rating upgrade on Saturday 16 May", "Intranet news", date(2026, 5, 6), "P13", None),
        ("COM-12", "internal", "ICT Services staff", "Internal audit results and improvement plan", "Team meeting", date(2026, 6, 2), "P03", ["DOC-AUDPROG"]),
    ]
    for cid, direction, audience, subject, channel, sent, by, about in comms:
        add("Communication", id=cid, direction=direction, audience=audience, subject=subject, channel=channel,
            sent_on=sent, sent_by=by, about=about)

    n = 0
    for pid, name, dept, active, top in PEOPLE:
        dates = {"DOC-POL": date(2025, 8, 26) + timedelta(days=int(pid[1:]) % 10),
                 "DOC-ISP": date(2025, 10, 8) + timedelta(days=int(pid[1:]) % 12)}
        for d, when in dates.items():
            n += 1
            add("Acknowledgement", id=f"ACK-{n:03d}", person=pid, document=d, acknowledged_on=when)
    for pid in ("P02", "P03", "P05", "P09", "P10", "P11", "P12"):
        n += 1
        add("Acknowledgement", id=f"ACK-{n:03d}", person=pid, document="DOC-POL-1", acknowledged_on=date(2024, 8, 20))


# --------------------------------------------------------------------------------------
# Checks, serialisation
# --------------------------------------------------------------------------------------

def check():
    problems = []
    ids = {t: {r["id"] for r in rs} for t, rs in DATA.items()}
    for t, rs in DATA.items():
        if len(ids[t]) != len(rs):
            problems.append(f"{t}: duplicate ids")
        for r in rs:
            for f, v in r.items():
                target = REFS.get((t, f))
                if not target or v is None:
                    continue
                for x in (v if isinstance(v, list) else [v]):
                    if x not in ids[target]:
                        problems.append(f"{t} {r['id']}.{f}: {x} is not a {target}")
    # recurring incidents: three or more on one CI within 90 days need a problem
    inc = sorted(DATA["Incident"], key=lambda i: i["opened_at"])
    def when(s):
        return datetime.fromisoformat(s)
    for ci in ids["ConfigurationItem"]:
        on = [i for i in inc if ci in (i["cis"] or [])]
        for a in on:
            win = [b for b in on if when(a["opened_at"]) <= when(b["opened_at"]) <= when(a["opened_at"]) + timedelta(days=90)]
            if len(win) >= 3 and not any(b["problem"] for b in win):
                problems.append(f"{len(win)} incidents on {ci} from {a['opened_at']} without a problem")
                break
    for i in inc:
        if i["priority"] < min(i["impact"], i["urgency"]):
            problems.append(f"{i['id']}: priority above impact/urgency")
        if i["status"] in ("new", "in_progress", "on_hold") and when(i["opened_at"]).date() < AS_OF - timedelta(days=60):
            problems.append(f"{i['id']}: open too long")
    for r in DATA["Person"]:
        if not r["active"] and r["roles"]:
            problems.append(f"leaver {r['id']} holds roles")
    if problems:
        raise SystemExit("smallco: refusing to write:\n  " + "\n  ".join(problems))


def text(v):
    if v is None:
        return ""
    if isinstance(v, bool):
        return "true" if v else "false"
    if isinstance(v, list):
        return ";".join(text(x) for x in v)
    return str(v)


def jsonv(v):
    if isinstance(v, (date, datetime)):
        return v.isoformat()
    if isinstance(v, list):
        return [jsonv(x) for x in v]
    return v


def serialise():
    files = {}
    for t, cols in COLUMNS.items():
        rows = DATA[t]
        if not rows and t not in EMPTY_TYPES:
            continue
        if t in JSONL_TYPES:
            files[t + ".jsonl"] = "".join(json.dumps({c: jsonv(r.get(c)) for c in cols}, ensure_ascii=False) + "\n"
                                          for r in rows)
        else:
            buf = io.StringIO()
            w = csv.writer(buf, lineterminator="\n")
            w.writerow(cols)
            for r in rows:
                w.writerow([text(r.get(c)) for c in cols])
            files[t + ".csv"] = buf.getvalue()
    return files


README = """# Harbour City Council - ICT Services: a second conforming example bundle

Generated by `tools/gen_smallco.py` (do not edit by hand; change the generator and run
`python3 tools/gen_smallco.py` from the repository root). Format: the canonical evidence
bundle, evidence model v1.1. A full ruleset run on it must report no major or minor
nonconformity (`tests/fixtures/smallco.expected`).

## Why a second organisation

`fixtures/northwind/` is a sixty-person managed service provider with eight services, six
customers, external suppliers and a monthly CAB. A ruleset that only ever sees Northwind can
quietly come to assume that shape. This bundle is a conforming organisation that looks
different on purpose, so that rules which depend on one organisation's size, calendar,
supplier model or time zone show up as false findings here.

## The organisation

Harbour City Council is a fictitious local council in New South Wales, Australia. Its ICT
Services unit (twelve people, part of the Corporate Services Directorate) runs IT for the
council's own staff and its elected councillors. The SMS covers ICT Services and exactly two
live services:

| service | customers | notes |
|---|---|---|
| Desktop & Identity (`SVC-DI`) | council directorates, Mayor and Councillors | laptops and tablets, accounts, MFA, email, files, printing; not rated critical |
| Council Applications Hosting (`SVC-AH`) | council directorates | Property and Rating, Finance and Payroll, EDRMS on two hosts and one storage array; critical |

Top management is the Director Corporate Services (flagged `top_management`) and the Manager
ICT Services (top management through the role `R-TOP` only). The Service Management Lead is the
SMS owner. With twelve people, each person holds several roles: the nineteen clause-8 process
owner roles are spread over eight people.

The audit year is the Australian financial year, 2025-07-01 to 2026-06-30; the audit date
(`as_of`) is 2026-06-30 and the time zone Australia/Sydney. Every datetime carries its offset
(+10:00 in winter, +11:00 under daylight saving from October to April).

## What it deliberately lacks, or has little of

* **No external supplier.** The council's Procurement and Contracts Unit holds every vendor
  contract (licences, hardware, carriage) and supplies ICT Services under an internal
  agreement; Facilities and Property provide the server rooms, power and cooling; People and
  Culture provide the starter and leaver feed. `Supplier.csv` lists these three internal
  suppliers only, and `Contract.csv` holds three internal agreements (kind `agreement`). All
  rules on external suppliers have nothing to check.
* **Internal customers only** (kind `internal`): the directorates and the councillors. For this
  organisation a communication is `internal` when it stays within ICT Services and `external`
  when it goes to the council staff and councillors it serves or to its supplying units.
* **Few records**: 48 incidents (one major, two security), 61 service requests, 17 changes
  (six pre-approved standard patch cycles, one emergency change, one rejected, two not yet
  decided), three releases, two problems, twenty configuration items, one continuity plan
  (tested each November), three internal audits in the year that together cover every clause-8
  process (plus the readiness audit before it and one planned after it), all by one auditor
  from the council's Governance and Risk Unit (impartial: she holds no ICT role), two
  management reviews a year.
* **No service was added, changed, removed or transferred** during the year:
  `ServiceTransition.csv` is present but empty, as is `ContinuityInvocation.csv` (the plan was
  never invoked). The design and transition rules therefore run on an empty population.
* **No dispute register** (`Dispute` is absent: there is no supplier contract to dispute) and
  **no state-change history** (`StateChange` is absent: the service desk tool's audit trail is
  not exported). Rules reading these types are not evaluated.

Features a correct rule or engine must cope with:

* the emergency change `CHG-0108` was approved by the ECAB and implemented at 07:30 AEDT on
  15 January 2026, which is still 14 January in UTC: dates compared with datetimes must use the
  bundle's time zone (audited with `timezone` set to UTC, three false findings appear);
* the major incident opened at 07:05 AEDT on 11 March 2026 (10 March in UTC);
* a person who left in February 2026 (`P15`), inactive and holding no role, with incidents and
  requests assigned to him before he left and lapsed training records;
* superseded first versions of the scope and the policy next to the versions in force; lapsed
  cyber-awareness records next to current ones (the subject of nonconformity `NC-02`);
* one target missed (March 2026 availability of `SVC-AH`) with its improvement; an objective
  at risk with actions; an open nonconformity whose action is not yet due;
* a disposed asset behind a retired configuration item; a rejected change and changes still
  requested or assessed; a planned internal audit after the audit date; next year's budgets
  approved but not started.

## Files

| record type | file | records |
|---|---|---:|
@COUNTS@
"""


def readme(files):
    counts = "\n".join(f"| {name.split('.')[0]} | `{name}` | {len(DATA[name.split('.')[0]])} |" for name in sorted(files))
    return README.replace("@COUNTS@", counts)


def main():
    build_people()
    build_services()
    build_documents()
    build_planning()
    build_configuration()
    build_changes()
    build_incidents()
    build_evaluation()
    check()
    files = serialise()
    if os.path.isdir(OUT):
        shutil.rmtree(OUT)
    os.makedirs(OUT)
    for name, content in files.items():
        with open(os.path.join(OUT, name), "w", encoding="utf-8", newline="") as f:
            f.write(content)
    manifest = {"organization": ORG, "as_of": AS_OF.isoformat(), "period_start": PERIOD_START.isoformat(),
                "period_end": PERIOD_END.isoformat(), "timezone": TIMEZONE,
                "source": "Synthetic example generated by tools/gen_smallco.py"}
    with open(os.path.join(OUT, "bundle.json"), "w", encoding="utf-8") as f:
        json.dump(manifest, f, indent=2)
        f.write("\n")
    with open(os.path.join(OUT, "README.md"), "w", encoding="utf-8") as f:
        f.write(readme(files))
    print(f"wrote {OUT}: " + ", ".join(f"{name} {len(DATA[name.split('.')[0]])}" for name in sorted(files)))


if __name__ == "__main__":
    main()
