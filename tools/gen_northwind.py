#!/usr/bin/env python3
"""Generate the Northwind example evidence bundles.

    python3 tools/gen_northwind.py          (run from the repository root)

Writes two bundles in the canonical evidence format (evidence model v1.1):

  fixtures/northwind/     a managed service provider that conforms to ISO/IEC 20000-1:2018
                          in every way its evidence can show;
  fixtures/northwind-nc/  the same organisation with planted nonconformities and
                          evidence-quality problems, listed in its README.md;
  tests/fixtures/northwind-nc.expected
                          the major/minor findings `shall audit` must raise on northwind-nc
                          (one line per finding, annotated with its defect).

The schema (types, fields, enums) is read from rulesets/evidence/*.shall, so the bundles
always follow the declared evidence model. Everything is derived from a fixed random seed:
two runs produce byte-identical output.

Before anything is written, the generator reads its own output back, validates it against
the schema and runs a set of conformance checks (see `check_conformance`). It refuses to
write if the conforming bundle breaks any of them, or if the nonconforming bundle shows
anything other than exactly the planted defects.
"""
import calendar
import csv
import io
import json
import os
import random
import re
import shutil
import sys
from collections import Counter, defaultdict
from datetime import date, datetime, timedelta

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SCHEMA_DIR = os.path.join(ROOT, "rulesets", "evidence")
OUT_OK = os.path.join(ROOT, "fixtures", "northwind")
OUT_NC = os.path.join(ROOT, "fixtures", "northwind-nc")
EXPECTED_NC = os.path.join(ROOT, "tests", "fixtures", "northwind-nc.expected")

ORG = "Northwind Managed Services Ltd"
AS_OF = date(2026, 10, 31)
PERIOD_START = date(2025, 11, 1)
PERIOD_END = date(2026, 10, 31)
TIMEZONE = "Europe/London"
SEED = 20261031
JSONL_TYPES = ("StateChange", "Communication", "Meeting")

# --------------------------------------------------------------------------------------
# The schema, read from the Shall declarations
# --------------------------------------------------------------------------------------

class Field:
    def __init__(self, name, kind, item=None, enum=None, target=None, many=False):
        self.name, self.kind, self.item, self.enum, self.target, self.many = name, kind, item, enum, target, many

    def __repr__(self):
        return f"Field({self.name},{self.kind},{self.item},{self.target},{self.many})"


class Schema:
    def __init__(self):
        self.types = {}        # name -> list of Field (id first)
        self.mandatory = set()
        self.enums = {}        # name -> list of values
        self.ruleset = None


def _strip_comment(line):
    out, in_str = [], False
    for ch in line:
        if ch == '"':
            in_str = not in_str
        if ch == "#" and not in_str:
            break
        out.append(ch)
    return "".join(out)


def load_schema(directory=SCHEMA_DIR):
    """A small reader for the schema subset of Shall (ruleset, enum, type, def)."""
    schema = Schema()
    text = ""
    for fn in sorted(os.listdir(directory)):
        if fn.endswith(".shall"):
            with open(os.path.join(directory, fn), encoding="utf-8") as f:
                text += "\n".join(_strip_comment(l) for l in f.read().split("\n")) + "\n"
    tokens = re.findall(r'"[^"]*"|->|[A-Za-z_][A-Za-z0-9_]*|[{}(),:*=.<>!]+|\S', text)
    pos = 0

    def peek(k=0):
        return tokens[pos + k] if pos + k < len(tokens) else None

    def take(expected=None):
        nonlocal pos
        tok = tokens[pos]
        if expected is not None and tok != expected:
            raise SystemExit(f"schema: expected {expected!r}, got {tok!r} near token {pos}: {tokens[pos-5:pos+5]}")
        pos += 1
        return tok

    def ident_list():
        take("(") if peek() == "(" else take("{")
        vals = []
        while peek() not in (")", "}"):
            vals.append(take())
            if peek() == ",":
                take(",")
        take()
        return vals

    inline = 0
    pending_types = []
    while pos < len(tokens):
        tok = take()
        if tok == "ruleset":
            name = take(); take("version"); ver = take().strip('"')
            if schema.ruleset is not None:
                raise SystemExit("schema: more than one ruleset header")
            schema.ruleset = (name, ver)
        elif tok == "enum":
            name = take()
            schema.enums[name] = ident_list()
        elif tok in ("type", "mandatory"):
            mandatory = tok == "mandatory"
            if mandatory:
                take("type")
            name = take()
            if peek().startswith('"'):
                take()
            take("{")
            fields = [Field("id", "text")]
            while peek() != "}":
                fname = take(); take(":")
                k = take()
                if k == "->":
                    target = take(); many = False
                    if peek() == "*":
                        take(); many = True
                    f = Field(fname, "ref", target=target, many=many)
                elif k == "enum":
                    if peek() == "(":
                        inline += 1
                        ename = f"{name}.{fname}"
                        schema.enums[ename] = ident_list()
                    else:
                        ename = take()
                    f = Field(fname, "enum", enum=ename)
                elif k == "list":
                    if peek() == "of":
                        take()
                        it = take()
                        if it == "enum":
                            if peek() == "(":
                                ename = f"{name}.{fname}"
                                schema.enums[ename] = ident_list()
                            else:
                                ename = take()
                            f = Field(fname, "list", item="enum", enum=ename)
                        else:
                            f = Field(fname, "list", item=it)
                    else:
                        f = Field(fname, "list", item="text")
                else:
                    if k not in ("text", "int", "decimal", "bool", "date", "datetime"):
                        raise SystemExit(f"schema: unknown kind {k!r} for {name}.{fname}")
                    f = Field(fname, k)
                if peek() and peek().startswith('"'):
                    take()
                if any(x.name == fname for x in fields):
                    raise SystemExit(f"schema: duplicate field {name}.{fname}")
                fields.append(f)
            take("}")
            if name in schema.types:
                raise SystemExit(f"schema: duplicate type {name}")
            schema.types[name] = fields
            if mandatory:
                schema.mandatory.add(name)
        elif tok == "def":
            # skip to the end of the definition: balanced parentheses, then the expression up
            # to the next top-level keyword
            while pos < len(tokens) and tokens[pos] not in ("type", "mandatory", "enum", "def", "ruleset"):
                pos += 1
        else:
            raise SystemExit(f"schema: unexpected token {tok!r}")
    for tname, fields in schema.types.items():
        for f in fields:
            if f.kind == "ref" and f.target not in schema.types:
                raise SystemExit(f"schema: {tname}.{f.name} refers to unknown type {f.target}")
            if f.enum and f.enum not in schema.enums:
                raise SystemExit(f"schema: {tname}.{f.name} uses unknown enum {f.enum}")
    return schema


# --------------------------------------------------------------------------------------
# Dates and times
# --------------------------------------------------------------------------------------

def add_months(d, n):
    y, m = divmod(d.month - 1 + n, 12)
    y += d.year
    m += 1
    return date(y, m, min(d.day, calendar.monthrange(y, m)[1]))


def within_months(d, n, ref=AS_OF):
    """d lies within n months before ref, both ends inclusive."""
    return d is not None and add_months(ref, -n) <= d <= ref


def _last_sunday(y, m):
    d = date(y, m, calendar.monthrange(y, m)[1])
    return d - timedelta(days=(d.weekday() + 1) % 7)


def bst(dt):
    """True when the UTC datetime dt falls in British Summer Time."""
    start = datetime.combine(_last_sunday(dt.year, 3), datetime.min.time()) + timedelta(hours=1)
    end = datetime.combine(_last_sunday(dt.year, 10), datetime.min.time()) + timedelta(hours=1)
    return start <= dt < end


def local_date(dt):
    """Calendar day of a UTC datetime in the bundle's time zone (Europe/London)."""
    return (dt + timedelta(hours=1)).date() if bst(dt) else dt.date()


def month_starts(start=PERIOD_START, end=PERIOD_END):
    d = date(start.year, start.month, 1)
    while d <= end:
        yield d
        d = add_months(d, 1)


def month_end(d):
    return date(d.year, d.month, calendar.monthrange(d.year, d.month)[1])


def weekday_on_or_before(d):
    while d.weekday() >= 5:
        d -= timedelta(days=1)
    return d


def weekday_on_or_after(d):
    while d.weekday() >= 5:
        d += timedelta(days=1)
    return d


def months_between_ok(dates, n, start=PERIOD_START, end=AS_OF):
    """Planned-interval test of the evidence model: no gap longer than n months, counting
    from the period start to the first date, and the latest date within n months of end."""
    ds = sorted(d for d in dates if start <= d <= end)
    if not ds:
        return False
    prev = start
    for d in ds:
        if d > add_months(prev, n):
            return False
        prev = d
    return within_months(ds[-1], n, end)


# --------------------------------------------------------------------------------------
# The organisation
# --------------------------------------------------------------------------------------

PROCESSES = [
    "service_portfolio", "service_catalogue_management", "asset_management",
    "configuration_management", "business_relationship_management", "service_level_management",
    "supplier_management", "budgeting_and_accounting", "demand_management", "capacity_management",
    "change_management", "service_design_and_transition", "release_and_deployment_management",
    "incident_management", "service_request_management", "problem_management",
    "service_availability_management", "service_continuity_management",
    "information_security_management",
]
MR_INPUTS = [
    "policy_and_objectives", "previous_actions", "external_internal_issues", "customer_satisfaction",
    "performance_and_trends", "nonconformities_and_corrective_actions", "monitoring_results",
    "audit_results", "supplier_performance", "risks_and_opportunities", "resource_adequacy",
    "improvement_opportunities", "interested_party_feedback",
]
MANDATORY_DOC_KINDS = [
    "sms_scope", "sms_policy", "sms_plan", "objectives", "service_catalogue",
    "change_management_policy", "information_security_policy", "continuity_plan",
    "service_requirements", "sla", "process", "audit_programme",
]
TOP_APPROVED_KINDS = ["sms_policy", "sms_scope", "sms_plan", "objectives",
                      "information_security_policy", "change_management_policy"]

# process -> (role/document id suffix, title words, owner)
PROCESS_INFO = {
    "service_portfolio": ("PORTFOLIO", "Service Portfolio Management", "PER010"),
    "service_catalogue_management": ("CATALOGUE", "Service Catalogue Management", "PER010"),
    "asset_management": ("ASSET", "Asset Management", "PER016"),
    "configuration_management": ("CONFIG", "Configuration Management", "PER016"),
    "business_relationship_management": ("RELATIONSHIP", "Business Relationship Management", "PER010"),
    "service_level_management": ("SERVICE-LEVEL", "Service Level Management", "PER010"),
    "supplier_management": ("SUPPLIER", "Supplier Management", "PER011"),
    "budgeting_and_accounting": ("BUDGET", "Budgeting and Accounting for Services", "PER012"),
    "demand_management": ("DEMAND", "Demand Management", "PER013"),
    "capacity_management": ("CAPACITY", "Capacity Management", "PER013"),
    "change_management": ("CHANGE", "Change Management", "PER008"),
    "service_design_and_transition": ("DESIGN-TRANSITION", "Service Design and Transition", "PER017"),
    "release_and_deployment_management": ("RELEASE", "Release and Deployment Management", "PER008"),
    "incident_management": ("INCIDENT", "Incident Management", "PER007"),
    "service_request_management": ("REQUEST", "Service Request Management", "PER007"),
    "problem_management": ("PROBLEM", "Problem Management", "PER009"),
    "service_availability_management": ("AVAILABILITY", "Service Availability Management", "PER013"),
    "service_continuity_management": ("CONTINUITY", "Service Continuity Management", "PER014"),
    "information_security_management": ("SECURITY", "Information Security Management", "PER015"),
}

# id, name, department, job title, roles, top_management flag
PEOPLE = [
    ("PER001", "Eleanor Whitcombe", "Executive", "Chief Executive Officer", ["ROL-TOP"], True),
    ("PER002", "Rajesh Menon", "Executive", "Chief Operating Officer", ["ROL-TOP"], True),
    ("PER003", "Fiona Gallagher", "Executive", "Chief Financial Officer", ["ROL-TOP"], True),
    # top management through the role only (the flag is not set in the HR export)
    ("PER004", "Tomasz Nowak", "Executive", "Chief Technology Officer", ["ROL-TOP"], False),
    ("PER005", "Hannah Okafor", "Service Management", "Head of Service Management", ["ROL-SMS-OWNER", "ROL-CAB"], False),
    ("PER006", "Gareth Pryce", "Quality and Compliance", "Quality and Compliance Manager", ["ROL-AUDITOR"], False),
    ("PER007", "Sophie Lindqvist", "Service Desk", "Service Desk Manager", ["ROL-PO-INCIDENT", "ROL-PO-REQUEST", "ROL-SERVICE-OWNER", "ROL-CAB"], False),
    ("PER008", "Daniel Achterberg", "Service Management", "Change and Release Manager", ["ROL-PO-CHANGE", "ROL-PO-RELEASE", "ROL-CAB", "ROL-ECAB"], False),
    ("PER009", "Priya Raman", "Service Management", "Problem Manager", ["ROL-PO-PROBLEM", "ROL-AUDITOR"], False),
    ("PER010", "Marcus Bell", "Service Management", "Service Level Manager", ["ROL-PO-SERVICE-LEVEL", "ROL-PO-RELATIONSHIP", "ROL-PO-CATALOGUE", "ROL-PO-PORTFOLIO"], False),
    ("PER011", "Aisha Karim", "Commercial", "Supplier Manager", ["ROL-PO-SUPPLIER", "ROL-SUPPLIER-MGR"], False),
    ("PER012", "Owen Davies", "Finance", "Finance Business Partner", ["ROL-PO-BUDGET"], False),
    ("PER013", "Chloe Marchetti", "Infrastructure", "Capacity and Availability Manager", ["ROL-PO-CAPACITY", "ROL-PO-DEMAND", "ROL-PO-AVAILABILITY"], False),
    ("PER014", "Liam Fitzgerald", "Service Management", "Service Continuity Manager", ["ROL-PO-CONTINUITY"], False),
    ("PER015", "Nadia Haddad", "Security Operations", "Information Security Manager", ["ROL-PO-SECURITY", "ROL-CAB", "ROL-ECAB"], False),
    ("PER016", "Ben Ashworth", "Service Management", "Configuration and Asset Manager", ["ROL-PO-CONFIG", "ROL-PO-ASSET", "ROL-CAB"], False),
    ("PER017", "Grace Adeyemi", "Projects", "Service Transition Manager", ["ROL-PO-DESIGN-TRANSITION"], False),
    ("PER018", "Jonas Eriksen", "Cloud and Modern Workplace", "Modern Workplace Lead", ["ROL-SERVICE-OWNER"], False),
    ("PER019", "Kieran Walsh", "Network", "Network Services Lead", ["ROL-SERVICE-OWNER", "ROL-CAB"], False),
    ("PER020", "Mei Lin Tan", "Infrastructure", "Hosting Platform Lead", ["ROL-SERVICE-OWNER", "ROL-CAB", "ROL-ECAB"], False),
    ("PER021", "Callum Reid", "Infrastructure", "Backup and Recovery Lead", ["ROL-SERVICE-OWNER"], False),
    ("PER022", "Yusuf Demir", "Security Operations", "Security Operations Lead", ["ROL-SERVICE-OWNER", "ROL-PM-SECURITY"], False),
    ("PER023", "Rebecca Stone", "Cloud and Modern Workplace", "Unified Communications Lead", ["ROL-SERVICE-OWNER"], False),
    ("PER024", "Thomas Hughes", "Commercial", "Account Director", ["ROL-ACCOUNT-MGR"], False),
    ("PER025", "Amelia Clarke", "Commercial", "Account Manager", ["ROL-ACCOUNT-MGR"], False),
    ("PER026", "Ravi Patel", "Projects", "Project Manager", ["ROL-AUDITOR"], False),
    ("PER027", "Joanna Kowalska", "Finance", "Finance Analyst", ["ROL-AUDITOR"], False),
    ("PER028", "Ethan Brooks", "Service Desk", "Service Desk Team Leader", ["ROL-PM-INCIDENT", "ROL-MIM"], False),
    ("PER029", "Zara Hussain", "Commercial", "Vendor Manager", ["ROL-SUPPLIER-MGR"], False),
    ("PER030", "Samuel Okoro", "Service Desk", "Senior Service Desk Analyst", ["ROL-MIM", "ROL-SDA"], False),
]
_DESK_NAMES = ["Lucy Harrington", "Mohammed Saleh", "Olivia Brennan", "Jack Thornton", "Isla McKenzie",
               "Harvey Chen", "Freya Lawson", "Noah Ibrahim", "Poppy Sinclair", "Arjun Mehta",
               "Ellie Foster", "Connor Doyle"]
_ENG_NAMES = ["Matthew Greaves", "Sana Qureshi", "Rhys Morgan", "Katarzyna Zielinska", "Oliver Pennington",
              "Imogen Hart", "Dev Sharma", "Lewis Campbell", "Hollie Barker", "Adebayo Ogunleye"]
_ENG_DEPTS = ["Infrastructure", "Infrastructure", "Network", "Network", "Cloud and Modern Workplace",
              "Cloud and Modern Workplace", "Infrastructure", "Network", "Cloud and Modern Workplace", "Infrastructure"]
_SOC_NAMES = ["Leah Whitfield", "Bilal Aziz", "Nina Petrovic", "George Ellison"]
for i, n in enumerate(_DESK_NAMES):
    PEOPLE.append((f"PER{31 + i:03d}", n, "Service Desk", "Service Desk Analyst", ["ROL-SDA"], False))
for i, n in enumerate(_ENG_NAMES):
    PEOPLE.append((f"PER{43 + i:03d}", n, _ENG_DEPTS[i], "Infrastructure Engineer", ["ROL-ENG"], False))
for i, n in enumerate(_SOC_NAMES):
    PEOPLE.append((f"PER{53 + i:03d}", n, "Security Operations", "Security Analyst", ["ROL-SOC-ANALYST"], False))
PEOPLE += [
    ("PER057", "Catherine Doyle-Ames", "HR and Facilities", "HR and Facilities Manager", [], False),
    ("PER058", "Darren Whitlock", "HR and Facilities", "Office Administrator", [], False),
    ("PER059", "Sarah O'Connell", "Commercial", "Sales Director", [], False),
    ("PER060", "Peter Lund", "Finance", "Finance Assistant", [], False),
]
LEAVERS = [("PER061", "Mark Ridley", "Service Desk", "Service Desk Analyst"),
           ("PER062", "Jasmine Kaur", "Infrastructure", "Infrastructure Engineer")]

DESK = [f"PER{n:03d}" for n in range(30, 43)]
ENGINEERS = [f"PER{n:03d}" for n in range(43, 53)]
SOC = [f"PER{n:03d}" for n in range(53, 57)]
NET_ENG = ["PER045", "PER046", "PER050"]
HOST_ENG = ["PER043", "PER044", "PER049", "PER052"]
CLOUD_ENG = ["PER047", "PER048", "PER051"]
TOP = ["PER001", "PER002", "PER003", "PER004"]
CAB = ["PER008", "PER005", "PER007", "PER015", "PER016", "PER019", "PER020"]
ECAB = ["PER008", "PER015", "PER020"]
SECURITY_HANDLERS = ["PER015", "PER022"]
AUDITORS = ["PER006", "PER009", "PER026", "PER027"]

COMPETENCES = [
    ("COMP-ITIL4F", "ITIL 4 Foundation", "Service management concepts and practices at foundation level.", None),
    ("COMP-ISO20K-F", "ISO/IEC 20000 Foundation", "Requirements of ISO/IEC 20000-1 and how the SMS meets them.", None),
    ("COMP-ISO20K-IA", "ISO/IEC 20000-1 Internal Auditor", "Planning, performing and reporting internal audits of an SMS.", None),
    ("COMP-SMS-LEAD", "SMS leadership briefing", "Duties of top management towards the service management system.", 36),
    ("COMP-CHANGE", "Change and release practice", "Assessing, approving and scheduling changes; our CAB procedure.", None),
    ("COMP-SEC-AWARE", "Information security awareness", "Yearly awareness course: phishing, data handling, reporting incidents.", 12),
    ("COMP-SOC", "SIEM operations certification", "Vendor certification for operating the security monitoring platform.", 24),
    ("COMP-MIM", "Major incident management", "Running a major incident bridge, communication and review.", None),
    ("COMP-SUPPLIER", "Contract and supplier management", "Negotiating, monitoring and reviewing supplier contracts.", None),
    ("COMP-INFRA", "Infrastructure platform certification", "Vendor certification on the hypervisor, storage and network platforms.", 36),
    ("COMP-CUSTOMER", "Customer relationship skills", "Running service reviews and handling customer feedback.", None),
    ("COMP-CONTINUITY", "Business continuity practitioner", "Continuity planning, exercising and invocation.", None),
    ("COMP-ISMS", "ISO/IEC 27001 Lead Implementer", "Running an information security management system.", None),
]
COMP_EXPIRY = {c[0]: c[3] for c in COMPETENCES}
COMP_PROVIDER = {
    "COMP-ITIL4F": "PeopleCert", "COMP-ISO20K-F": "APMG International", "COMP-ISO20K-IA": "BSI Training Academy",
    "COMP-SMS-LEAD": "Northwind SMS office", "COMP-CHANGE": "Northwind SMS office",
    "COMP-SEC-AWARE": "Northwind e-learning", "COMP-SOC": "Sentinel Shield Academy",
    "COMP-MIM": "Northwind SMS office", "COMP-SUPPLIER": "Chartered Institute of Procurement and Supply",
    "COMP-INFRA": "Platform vendor", "COMP-CUSTOMER": "Northwind SMS office",
    "COMP-CONTINUITY": "Business Continuity Institute", "COMP-ISMS": "PECB",
}

# role id -> (name, kind, process, required competences, responsibilities)
ROLES = {
    "ROL-TOP": ("Top management", "top_management", None, ["COMP-SMS-LEAD", "COMP-SEC-AWARE"],
                "Sets direction, policy and objectives; approves the SMS plan; chairs management reviews."),
    "ROL-SMS-OWNER": ("SMS owner", "sms_owner", None, ["COMP-ISO20K-F", "COMP-ITIL4F", "COMP-SEC-AWARE"],
                      "Makes sure the SMS conforms to ISO/IEC 20000-1 and reports its performance to top management."),
    "ROL-AUDITOR": ("Internal auditor", "auditor", None, ["COMP-ISO20K-IA"],
                    "Plans and performs internal audits of processes they do not own or manage."),
    "ROL-CAB": ("Change advisory board member", "cab_member", None, ["COMP-CHANGE"],
                "Assesses normal and major changes and recommends or gives approval."),
    "ROL-ECAB": ("Emergency CAB member", "ecab_member", None, ["COMP-CHANGE"],
                 "Approves emergency changes out of hours or between CAB meetings."),
    "ROL-SERVICE-OWNER": ("Service owner", "service_owner", None, ["COMP-ITIL4F", "COMP-ISO20K-F"],
                          "Accountable for one or more services from design to retirement, incl. targets and budget."),
    "ROL-SUPPLIER-MGR": ("Supplier manager", "supplier_manager", None, ["COMP-SUPPLIER"],
                         "Manages supplier relationships, contract reviews and supplier performance."),
    "ROL-PM-INCIDENT": ("Incident process manager", "process_manager", "incident_management", ["COMP-ITIL4F", "COMP-MIM"],
                        "Runs incident management day to day, monitors queues and escalations."),
    "ROL-PM-SECURITY": ("Security process manager", "process_manager", "information_security_management", ["COMP-ISMS", "COMP-SOC"],
                        "Runs security monitoring and the handling of security incidents day to day."),
    "ROL-ACCOUNT-MGR": ("Account manager", "other", None, ["COMP-CUSTOMER", "COMP-ITIL4F"],
                        "Single point of contact for customers; runs customer reviews and satisfaction surveys."),
    "ROL-MIM": ("Major incident manager", "other", None, ["COMP-MIM"],
                "Leads the response to major incidents and informs top management."),
    "ROL-SDA": ("Service desk analyst", "other", None, ["COMP-ITIL4F", "COMP-SEC-AWARE"],
                "Records, classifies and resolves incidents and fulfils service requests."),
    "ROL-ENG": ("Infrastructure engineer", "other", None, ["COMP-INFRA", "COMP-SEC-AWARE"],
                "Builds, changes and supports the infrastructure components of the services."),
    "ROL-SOC-ANALYST": ("Security analyst", "other", None, ["COMP-SOC", "COMP-SEC-AWARE"],
                        "Monitors security events and triages potential security incidents."),
}
for proc, (suffix, title, owner) in PROCESS_INFO.items():
    comps = ["COMP-ISO20K-F", "COMP-ITIL4F"]
    if proc == "service_continuity_management":
        comps.append("COMP-CONTINUITY")
    if proc == "information_security_management":
        comps.append("COMP-ISMS")
    ROLES[f"ROL-PO-{suffix}"] = (f"{title} process owner", "process_owner", proc, comps,
                                 f"Owns the {title.lower()} process: its design, measures and improvement.")

# services: id, name, status, owner, critical, availability target, in scope, in catalogue
SERVICES = [
    ("SVC-DESK", "Service Desk and End-User Support", "live", "PER007", False, 99.5, True, True),
    ("SVC-M365", "Managed Microsoft 365", "live", "PER018", False, 99.5, True, True),
    ("SVC-NET", "Managed Network and Firewall", "live", "PER019", True, 99.8, True, True),
    ("SVC-HOST", "Private Cloud Hosting", "live", "PER020", True, 99.8, True, True),
    ("SVC-BACKUP", "Backup and Disaster Recovery", "live", "PER021", True, 99.5, True, True),
    ("SVC-SOC", "Managed Security Monitoring", "live", "PER022", True, 99.5, True, True),
    ("SVC-VOICE", "Hosted Voice for Microsoft Teams", "pipeline", "PER023", False, 99.9, True, False),
    ("SVC-EXCH", "Hosted Exchange", "retired", "PER018", False, 99.5, False, False),
]
LIVE = [s[0] for s in SERVICES if s[2] == "live"]
SERVICE_NAME = {s[0]: s[1] for s in SERVICES}
SERVICE_OWNER = {s[0]: s[3] for s in SERVICES}

CUSTOMERS = [
    ("CUS-HARBOUR", "Harbour Freight Logistics plc", "external", "PER024"),
    ("CUS-ELMWOOD", "Elmwood Dental Group", "external", "PER025"),
    ("CUS-FENWICK", "Fenwick & Rowe Solicitors LLP", "external", "PER024"),
    ("CUS-CALDER", "Calder Valley Housing Association", "external", "PER025"),
    ("CUS-BRIGHTWATER", "Brightwater Schools Trust", "external", "PER024"),
    ("CUS-NWGROUP", "Northwind Group Shared Services", "internal", "PER010"),
]
CUSTOMER_NAME = {c[0]: c[1] for c in CUSTOMERS}
EXTERNAL_CUSTOMERS = [c[0] for c in CUSTOMERS if c[2] == "external"]
SHORT = {"CUS-HARBOUR": "HARBOUR", "CUS-ELMWOOD": "ELMWOOD", "CUS-FENWICK": "FENWICK",
         "CUS-CALDER": "CALDER", "CUS-BRIGHTWATER": "BRIGHTWATER", "CUS-NWGROUP": "NWGROUP"}

# live SLAs (service, customer, agreed_on, valid_from, valid_to, review interval)
SLA_PAIRS = {
    "SVC-DESK": ["CUS-HARBOUR", "CUS-ELMWOOD", "CUS-FENWICK", "CUS-CALDER", "CUS-BRIGHTWATER", "CUS-NWGROUP"],
    "SVC-M365": ["CUS-HARBOUR", "CUS-ELMWOOD", "CUS-FENWICK", "CUS-BRIGHTWATER"],
    "SVC-NET": ["CUS-HARBOUR", "CUS-CALDER", "CUS-NWGROUP"],
    "SVC-HOST": ["CUS-HARBOUR", "CUS-FENWICK", "CUS-CALDER"],
    "SVC-BACKUP": ["CUS-HARBOUR", "CUS-ELMWOOD", "CUS-FENWICK", "CUS-CALDER"],
    "SVC-SOC": ["CUS-HARBOUR", "CUS-FENWICK"],
}
# resolution targets in hours by priority, fulfilment targets by priority
RESOLVE_HOURS = {1: 4, 2: 8, 3: 24, 4: 72, 5: 120}
FULFIL_HOURS = {2: 8, 3: 24, 4: 72}

# suppliers: id, name, kind, active, services, manager, criticality
SUPPLIERS = [
    ("SUP-MERIDIAN", "Meridian Datacentres Ltd", "external", True, ["SVC-HOST", "SVC-BACKUP", "SVC-NET"], "PER011", "high"),
    ("SUP-KESTREL", "Kestrel Connectivity plc", "external", True, ["SVC-NET"], "PER011", "high"),
    ("SUP-BLUEFIN", "Bluefin Licensing Ltd", "external", True, ["SVC-M365", "SVC-DESK"], "PER029", "high"),
    ("SUP-SENTINEL", "Sentinel Shield Security Ltd", "external", True, ["SVC-SOC"], "PER011", "high"),
    ("SUP-TIDEWATER", "Tidewater Telecom Ltd", "external", True, ["SVC-VOICE", "SVC-DESK"], "PER029", "medium"),
    ("SUP-OLDGATE", "Oldgate Hosting Ltd", "external", False, ["SVC-EXCH"], "PER029", "low"),
    ("SUP-NWFACILITIES", "Northwind Group Facilities", "internal", True, ["SVC-DESK", "SVC-HOST"], "PER029", "medium"),
    ("SUP-HARBOURSITE", "Harbour Freight Site Services", "customer_as_supplier", True, ["SVC-NET"], "PER029", "low"),
]

# configuration items: id, name, type, status, owner, services, depends on, incident categories
CIS = [
    # service desk
    ("CI-APP-ITSM", "Halo ITSM tenant", "application", "active", "PER007", ["SVC-DESK"], ["CI-SRV-AD-01"], ["software", "access"]),
    ("CI-APP-PORTAL", "Self-service portal", "application", "active", "PER007", ["SVC-DESK"], ["CI-APP-ITSM"], ["software"]),
    ("CI-APP-RMM", "Remote monitoring and management platform", "application", "active", "PER028", ["SVC-DESK"], [], ["software", "performance"]),
    ("CI-APP-DESKPHONE", "Service desk telephony (contact centre)", "application", "active", "PER028", ["SVC-DESK"], ["CI-CIR-SIP-01"], ["telephony"]),
    ("CI-CIR-SIP-01", "SIP trunk (Tidewater) for service desk", "circuit", "active", "PER019", ["SVC-DESK"], [], ["telephony"]),
    ("CI-SRV-AD-01", "Domain controller NW-DC01", "server", "active", "PER020", ["SVC-DESK", "SVC-HOST"], ["CI-HV-01"], ["access", "server"]),
    ("CI-SRV-AD-02", "Domain controller NW-DC02", "server", "active", "PER020", ["SVC-DESK", "SVC-HOST"], ["CI-HV-02"], ["access", "server"]),
    ("CI-APP-LAPTOPS", "Managed laptop estate (Intune build)", "application", "active", "PER018", ["SVC-DESK"], ["CI-APP-INTUNE"], ["hardware", "software"]),
    # microsoft 365
    ("CI-APP-INTUNE", "Microsoft Intune configuration", "application", "active", "PER018", ["SVC-M365", "SVC-DESK"], [], ["software", "access"]),
    ("CI-SRV-ENTRA-SYNC", "Entra Connect sync server", "server", "active", "PER018", ["SVC-M365"], ["CI-SRV-AD-01"], ["access"]),
    ("CI-SAAS-M365-HARBOUR", "Microsoft 365 tenant - Harbour Freight", "saas_tenant", "active", "PER018", ["SVC-M365"], ["CI-SRV-ENTRA-SYNC"], ["email", "collaboration", "licensing"]),
    ("CI-SAAS-M365-ELMWOOD", "Microsoft 365 tenant - Elmwood Dental", "saas_tenant", "active", "PER018", ["SVC-M365"], [], ["email", "collaboration", "licensing"]),
    ("CI-SAAS-M365-FENWICK", "Microsoft 365 tenant - Fenwick & Rowe", "saas_tenant", "active", "PER018", ["SVC-M365"], [], ["email", "collaboration", "licensing"]),
    ("CI-SAAS-M365-BRIGHTWATER", "Microsoft 365 tenant - Brightwater Schools", "saas_tenant", "active", "PER018", ["SVC-M365"], [], ["email", "collaboration", "licensing"]),
    ("CI-APP-MAILFILTER", "Email security gateway", "application", "active", "PER022", ["SVC-M365"], [], ["email"]),
    # network
    ("CI-FW-DC-01", "Datacentre firewall cluster node A", "firewall", "active", "PER019", ["SVC-NET", "SVC-HOST"], ["CI-SW-CORE-01"], ["firewall", "network"]),
    ("CI-FW-DC-02", "Datacentre firewall cluster node B", "firewall", "active", "PER019", ["SVC-NET", "SVC-HOST"], ["CI-SW-CORE-02"], ["firewall", "network"]),
    ("CI-SW-CORE-01", "Core switch DC-CORE-01", "switch", "active", "PER019", ["SVC-NET", "SVC-HOST"], [], ["network"]),
    ("CI-SW-CORE-02", "Core switch DC-CORE-02", "switch", "active", "PER019", ["SVC-NET", "SVC-HOST"], [], ["network"]),
    ("CI-RTR-DC-01", "Edge router DC-EDGE-01", "router", "active", "PER019", ["SVC-NET"], ["CI-CIR-WAN-01"], ["connectivity", "network"]),
    ("CI-RTR-DC-02", "Edge router DC-EDGE-02", "router", "active", "PER019", ["SVC-NET"], ["CI-CIR-WAN-02"], ["connectivity", "network"]),
    ("CI-CIR-WAN-01", "Internet transit circuit 10G (Kestrel)", "circuit", "active", "PER019", ["SVC-NET"], [], ["connectivity"]),
    ("CI-CIR-WAN-02", "Internet transit circuit 10G (Kestrel, diverse path)", "circuit", "active", "PER019", ["SVC-NET"], [], ["connectivity"]),
    ("CI-FW-HARBOUR-HQ", "Firewall - Harbour Freight HQ", "firewall", "active", "PER045", ["SVC-NET"], ["CI-CIR-HARBOUR-HQ"], ["firewall", "connectivity"]),
    ("CI-FW-HARBOUR-DEPOT", "Firewall - Harbour Freight Felixstowe depot", "firewall", "active", "PER045", ["SVC-NET"], [], ["firewall", "connectivity"]),
    ("CI-CIR-HARBOUR-HQ", "Leased line - Harbour Freight HQ", "circuit", "active", "PER019", ["SVC-NET"], [], ["connectivity"]),
    ("CI-FW-CALDER-01", "Firewall - Calder Valley head office", "firewall", "active", "PER046", ["SVC-NET"], [], ["firewall", "connectivity"]),
    ("CI-FW-NWGROUP-01", "Firewall - Northwind Group office", "firewall", "active", "PER046", ["SVC-NET"], [], ["firewall", "connectivity"]),
    ("CI-APP-VPN", "Remote access VPN service", "application", "active", "PER019", ["SVC-NET"], ["CI-FW-DC-01", "CI-FW-DC-02"], ["access", "connectivity"]),
    # hosting
    ("CI-HV-01", "Hypervisor host HV-01", "server", "active", "PER020", ["SVC-HOST"], ["CI-SAN-01", "CI-SW-CORE-01"], ["server", "performance"]),
    ("CI-HV-02", "Hypervisor host HV-02", "server", "active", "PER020", ["SVC-HOST"], ["CI-SAN-01", "CI-SW-CORE-02"], ["server", "performance"]),
    ("CI-HV-03", "Hypervisor host HV-03", "server", "active", "PER020", ["SVC-HOST"], ["CI-SAN-01", "CI-SW-CORE-01"], ["server", "performance"]),
    ("CI-HV-04", "Hypervisor host HV-04", "server", "active", "PER020", ["SVC-HOST"], ["CI-SAN-02", "CI-SW-CORE-02"], ["server", "performance"]),
    ("CI-HV-05", "Hypervisor host HV-05", "server", "active", "PER020", ["SVC-HOST"], ["CI-SAN-02", "CI-SW-CORE-01"], ["server", "performance"]),
    ("CI-HV-06", "Hypervisor host HV-06", "server", "active", "PER020", ["SVC-HOST"], ["CI-SAN-02", "CI-SW-CORE-02"], ["server", "performance"]),
    ("CI-SAN-01", "Storage array SAN-01", "storage", "active", "PER043", ["SVC-HOST", "SVC-BACKUP"], [], ["storage", "performance"]),
    ("CI-SAN-02", "Storage array SAN-02", "storage", "active", "PER043", ["SVC-HOST", "SVC-BACKUP"], [], ["storage", "performance"]),
    ("CI-VM-HARBOUR-ERP", "Harbour Freight ERP application server", "virtual_machine", "active", "PER044", ["SVC-HOST"], ["CI-HV-01"], ["server", "performance"]),
    ("CI-VM-HARBOUR-SQL", "Harbour Freight SQL server", "database", "active", "PER044", ["SVC-HOST"], ["CI-HV-02"], ["server", "performance", "storage"]),
    ("CI-VM-FENWICK-DMS", "Fenwick & Rowe document management server", "virtual_machine", "active", "PER049", ["SVC-HOST"], ["CI-HV-03"], ["server", "performance"]),
    ("CI-VM-FENWICK-SQL", "Fenwick & Rowe SQL server", "database", "active", "PER049", ["SVC-HOST"], ["CI-HV-04"], ["server", "storage"]),
    ("CI-VM-CALDER-HOUSING", "Calder Valley housing management system", "virtual_machine", "active", "PER052", ["SVC-HOST"], ["CI-HV-05"], ["server", "performance"]),
    ("CI-VM-CALDER-FILE", "Calder Valley file server", "virtual_machine", "active", "PER052", ["SVC-HOST"], ["CI-HV-06"], ["server", "storage"]),
    ("CI-VM-RDS-01", "Remote desktop gateway", "virtual_machine", "active", "PER044", ["SVC-HOST"], ["CI-HV-01"], ["access", "performance"]),
    # backup
    ("CI-BKP-01", "Backup server BKP-01", "server", "active", "PER021", ["SVC-BACKUP"], ["CI-SAN-02"], ["backup"]),
    ("CI-BKP-02", "Backup server BKP-02", "server", "active", "PER021", ["SVC-BACKUP"], ["CI-SAN-01"], ["backup"]),
    ("CI-BKP-REPL", "Off-site backup replica (Meridian Manchester)", "storage", "active", "PER021", ["SVC-BACKUP"], ["CI-CIR-WAN-02"], ["backup", "connectivity"]),
    ("CI-APP-BACKUP", "Backup software management console", "application", "active", "PER021", ["SVC-BACKUP"], ["CI-BKP-01", "CI-BKP-02"], ["backup", "software"]),
    ("CI-APP-M365-BACKUP", "Microsoft 365 backup service", "application", "active", "PER021", ["SVC-BACKUP", "SVC-M365"], [], ["backup"]),
    # security monitoring
    ("CI-APP-SIEM", "SIEM platform (Sentinel Shield)", "application", "active", "PER022", ["SVC-SOC"], ["CI-SRV-LOGCOL-01", "CI-SRV-LOGCOL-02"], ["monitoring", "security"]),
    ("CI-SRV-LOGCOL-01", "Log collector LOGCOL-01", "server", "active", "PER022", ["SVC-SOC"], ["CI-HV-03"], ["monitoring"]),
    ("CI-SRV-LOGCOL-02", "Log collector LOGCOL-02", "server", "active", "PER022", ["SVC-SOC"], ["CI-HV-04"], ["monitoring"]),
    ("CI-APP-EDR", "Endpoint detection and response console", "application", "active", "PER022", ["SVC-SOC", "SVC-DESK"], [], ["security", "monitoring"]),
    # pipeline: hosted voice
    ("CI-APP-VOICE-SBC", "Session border controller for Teams voice", "application", "planned", "PER023", ["SVC-VOICE"], ["CI-CIR-SIP-02"], []),
    ("CI-CIR-SIP-02", "SIP trunk (Tidewater) for Teams voice", "circuit", "planned", "PER023", ["SVC-VOICE"], [], []),
    # retired: hosted exchange
    ("CI-SRV-EXCH-01", "Exchange mailbox server EXCH-01", "server", "retired", "PER018", ["SVC-EXCH"], ["CI-HV-05"], ["email"]),
    ("CI-SRV-EXCH-02", "Exchange mailbox server EXCH-02", "server", "retired", "PER018", ["SVC-EXCH"], ["CI-HV-06"], ["email"]),
    ("CI-SRV-EXCH-EDGE", "Exchange edge transport EXCH-EDGE", "server", "retired", "PER018", ["SVC-EXCH"], ["CI-FW-DC-01"], ["email"]),
]
CI_INFO = {c[0]: c for c in CIS}


def svc_cis(svc):
    return [c[0] for c in CIS if svc in c[5] and c[3] == ("retired" if svc == "SVC-EXCH" else "active")]


INCIDENT_TITLES = {
    "software": ["Application crashes on start-up", "Software update failed to install", "Agent not reporting", "Error when opening reports"],
    "access": ["User cannot sign in", "Account locked out repeatedly", "MFA prompt not received", "Permission denied on shared folder"],
    "hardware": ["Laptop will not boot", "Docking station not detecting monitors", "Battery swelling reported", "Keyboard failure"],
    "telephony": ["Calls to service desk dropping", "Queue announcements not playing", "One-way audio on calls"],
    "performance": ["Slow response times", "High CPU alarm", "Memory pressure alarm", "Application timeouts"],
    "email": ["Emails delayed", "Mailbox not receiving external mail", "Shared mailbox missing for user", "Mail flagged as spam incorrectly"],
    "collaboration": ["Teams meetings failing to join", "SharePoint site not loading", "OneDrive sync errors"],
    "licensing": ["Licence not assigned after onboarding", "Unexpected licence removal"],
    "firewall": ["Firewall failover event", "Firewall rule blocking application", "Firewall high session count", "Firewall HA sync warning"],
    "network": ["Packet loss on core uplink", "Switch port flapping", "Spanning tree topology change storm", "Interface errors rising"],
    "connectivity": ["Site offline", "Intermittent connectivity at site", "VPN tunnel down", "High latency to datacentre"],
    "server": ["Server unresponsive", "Disk space critical", "Service stopped unexpectedly", "Windows update reboot loop"],
    "storage": ["Storage latency high", "Volume nearly full", "Replication lag warning"],
    "backup": ["Backup job failed", "Backup job completed with warnings", "Restore request failed", "Replica out of date"],
    "monitoring": ["Log source stopped sending", "SIEM ingestion delay", "Collector disk full"],
    "security": ["Suspicious sign-in detected", "Phishing email reported", "Malware detected on endpoint", "Unusual outbound traffic"],
}
RESOLUTIONS = {
    "software": ["Reinstalled the application, cleared the local cache; user confirmed it works.",
                 'Rolled back the faulty update ("KB" package) and paused deployment ring 2.',
                 "Re-registered the agent with the platform; reporting resumed."],
    "access": ["Unlocked the account, reset MFA registration; user signed in successfully.",
               "Corrected group membership, permissions verified with the user.",
               "Re-synchronised the account from the directory; sign-in works."],
    "hardware": ["Replaced the faulty component under warranty, tested, and returned the device.",
                 "Swapped the device from stock, user data restored from OneDrive."],
    "telephony": ["Carrier re-registered the trunk, test calls successful.",
                  "Reconfigured the call queue, announcements verified."],
    "performance": ["Moved the workload to a less loaded host, response times back to normal.",
                    "Stopped a runaway process, added a monitoring threshold, performance normal."],
    "email": ["Cleared the stuck transport queue, mail flow verified inbound and outbound.",
              "Corrected the mailbox permissions, user confirmed access.",
              "Released the messages from quarantine and adjusted the filter rule."],
    "collaboration": ["Cleared the client cache and updated the client; meetings join normally.",
                      "Restored the site permissions, site loads for all members."],
    "licensing": ["Assigned the correct licence through the group; services available after sync."],
    "firewall": ["Corrected the rule order, application traffic allowed and logged.",
                 "Resynchronised the HA pair, failover tested, cluster healthy."],
    "network": ["Replaced the optic on the uplink, errors cleared, monitored for 24 hours.",
                "Shut the flapping port, re-patched the cable, port stable."],
    "connectivity": ["Supplier fixed the fault on their side; circuit stable for 24 hours, closed.",
                     "Rebuilt the VPN tunnel with the agreed parameters, traffic passing."],
    "server": ["Restarted the stopped service, root cause logged, monitoring green.",
               "Cleared disk space, extended the volume by 50 GB and added a capacity alert."],
    "storage": ["Rebalanced the volumes across controllers, latency back within threshold.",
                "Expanded the volume, replication caught up."],
    "backup": ["Re-ran the failed job manually, checked integrity, schedule fixed.",
               "Restored from the previous restore point, customer confirmed the data."],
    "monitoring": ["Restarted the collector, backlog ingested, source reporting again.",
                   "Freed disk on the collector and set log rotation."],
    "security": ["Contained by the security team: account secured, sessions revoked, indicators blocked; no data loss found.",
                 "Endpoint isolated, malware removed, device re-imaged; security incident procedure followed.",
                 "Messages purged from all mailboxes, sender blocked, affected users warned; no credentials entered."],
}


# --------------------------------------------------------------------------------------
# Building the conforming organisation
# --------------------------------------------------------------------------------------

def email_of(name):
    parts = re.sub(r"[^a-z \-]", "", name.lower()).split()
    return f"{parts[0]}.{parts[-1]}@northwind-ms.co.uk"


class Builder:
    def __init__(self):
        self.r = random.Random(SEED)
        self.d = defaultdict(list)
        self.ids = defaultdict(dict)
        self.mark = {}          # named records the defects refer to: key -> (type, id)

    # ---- helpers ------------------------------------------------------------------
    def add(self, typ, **fields):
        rec = {k: v for k, v in fields.items()}
        if rec["id"] in self.ids[typ]:
            raise AssertionError(f"duplicate id {typ} {rec['id']}")
        self.d[typ].append(rec)
        self.ids[typ][rec["id"]] = rec
        return rec

    def get(self, typ, rid):
        return self.ids[typ][rid]

    def rand_date(self, start, end, weekday=True):
        span = (end - start).days
        for _ in range(100):
            d = start + timedelta(days=self.r.randint(0, span))
            if not weekday or d.weekday() < 5:
                return d
        return d

    def rand_time(self, d, lo=7, hi=19):
        return datetime(d.year, d.month, d.day, self.r.randint(lo, hi - 1), self.r.randint(0, 59), self.r.randint(0, 59))

    # ---- people -------------------------------------------------------------------
    def people(self):
        for pid, name, dept, title, roles, tm in PEOPLE:
            self.add("Person", id=pid, name=name, email=email_of(name), department=dept, active=True,
                     roles=list(roles), top_management=tm, _title=title)
        for pid, name, dept, title in LEAVERS:
            self.add("Person", id=pid, name=name, email=email_of(name), department=dept, active=False,
                     roles=[], top_management=False, _title=title)
        for cid, name, desc, _ in COMPETENCES:
            self.add("Competence", id=cid, name=name, description=desc)
        for rid, (name, kind, proc, comps, resp) in ROLES.items():
            doc = f"DOC-PROC-{PROCESS_INFO[proc][0]}" if kind == "process_owner" else "DOC-ROLES"
            self.add("Role", id=rid, name=name, kind=kind, process=proc, responsibilities=resp,
                     required_competences=list(comps), documented_in=doc)

    def holders(self, role):
        return [p["id"] for p in self.d["Person"] if p["active"] and role in p["roles"]]

    def training(self):
        r = self.r
        rows = []
        for p in self.d["Person"]:
            if not p["active"]:
                continue
            comps = []
            for role in p["roles"]:
                for c in ROLES[role][3]:
                    if c not in comps:
                        comps.append(c)
            if "COMP-SEC-AWARE" not in comps:
                comps.append("COMP-SEC-AWARE")
            for c in comps:
                exp = COMP_EXPIRY[c]
                if c == "COMP-SEC-AWARE":
                    done = self.rand_date(date(2025, 11, 10), date(2026, 9, 30))
                    if r.random() < 0.5:   # last year's course, now lapsed or about to
                        prev = self.rand_date(date(2024, 11, 4), date(2025, 10, 24))
                        rows.append((p["id"], c, prev, add_months(prev, 12)))
                elif c == "COMP-SMS-LEAD":
                    done = date(2025, 11, 20)
                elif c == "COMP-SOC":
                    done = self.rand_date(date(2025, 2, 1), date(2026, 6, 30))
                elif c == "COMP-INFRA":
                    done = self.rand_date(date(2024, 1, 8), date(2026, 5, 29))
                else:
                    done = self.rand_date(date(2018, 3, 1), date(2025, 10, 15))
                rows.append((p["id"], c, done, add_months(done, exp) if exp else None))
        rows.sort(key=lambda x: (x[2], x[0], x[1]))
        for i, (pid, c, done, exp) in enumerate(rows):
            cert = f"{COMP_PROVIDER[c][:3].upper()}-{done.year}-{1000 + i}" if c not in ("COMP-SEC-AWARE",) else "LMS completion record"
            rec = self.add("TrainingRecord", id=f"TR-{i + 1:04d}", person=pid, competence=c, completed_on=done,
                           expires_on=exp, provider=COMP_PROVIDER[c], evidence=cert)
            if pid == "PER019" and c == "COMP-CHANGE":
                self.mark["D11"] = ("TrainingRecord", rec["id"])

    # ---- documents ----------------------------------------------------------------
    def doc(self, did, title, kind, owner, approvers, approved_on, version="1.0", interval=12,
            last_reviewed=None, published=None, status="approved", process=None, services=None,
            external=False, location=None, retention_years=None):
        last_reviewed = last_reviewed or approved_on
        published = published or approved_on
        if status == "draft":
            approvers, approved_on, published = [], None, None
        folder = {"minutes": "Records/Minutes", "audit_report": "Records/Audit", "service_report": "Records/ServiceReports",
                  "sla": "Agreements/SLA", "contract": "Agreements/Suppliers", "agreement": "Agreements/Suppliers",
                  "process": "Processes", "procedure": "Procedures", "knowledge_article": "Knowledge"}.get(kind, "Governance")
        return self.add(
            "Document", id=did, title=title, kind=kind, version=version, status=status, owner=owner,
            approved_by=list(approvers), approved_on=approved_on, published_on=published,
            review_interval_months=interval, last_reviewed_on=last_reviewed,
            next_review_on=add_months(last_reviewed, interval) if interval else None,
            retention_until=add_months(approved_on or last_reviewed, 12 * retention_years) if retention_years else None,
            location=location or f"https://northwindms.sharepoint.com/sites/SMS/{folder}/{did}",
            external_origin=external, process=process, services=services or [])

    def documents(self):
        live = list(LIVE)
        d = date
        self.doc("DOC-SCOPE", "Scope of the Service Management System", "sms_scope", "PER005", ["PER001"], d(2026, 1, 15),
                 "2.1", published=d(2026, 1, 19), services=live + ["SVC-VOICE"])
        self.doc("DOC-POL-SMS-V2", "Service Management Policy", "sms_policy", "PER005", ["PER001"], d(2025, 1, 20), "2.0",
                 last_reviewed=d(2026, 1, 15), published=d(2025, 1, 22), status="superseded")
        self.doc("DOC-POL-SMS", "Service Management Policy", "sms_policy", "PER005", ["PER001"], d(2026, 1, 15), "3.0",
                 published=d(2026, 1, 19))
        self.doc("DOC-PLAN-SMS", "Service Management Plan FY2026", "sms_plan", "PER005", ["PER002"], d(2025, 11, 12), "4.0",
                 last_reviewed=d(2026, 7, 22), published=d(2025, 11, 14), services=live + ["SVC-VOICE"])
        self.doc("DOC-OBJECTIVES", "Service Management Objectives FY2026", "objectives", "PER005", ["PER001"], d(2025, 11, 12),
                 "4.0", last_reviewed=d(2026, 7, 22), published=d(2025, 11, 14))
        self.doc("DOC-RISK-CRITERIA", "Risk Management Approach and Acceptance Criteria", "risk_criteria", "PER005", ["PER002"],
                 d(2025, 12, 2), "1.3", published=d(2025, 12, 3))
        self.doc("DOC-RISK-REGISTER", "SMS Risk and Opportunity Register", "risk_register", "PER005", ["PER002"],
                 d(2026, 10, 6), "2026.10", interval=3)
        self.doc("DOC-CATALOGUE", "Service Catalogue", "service_catalogue", "PER010", ["PER005"], d(2026, 9, 2), "7.0",
                 interval=6, published=d(2026, 9, 4), services=live)
        req = {"SVC-DESK": (d(2025, 6, 10), d(2026, 5, 27)), "SVC-M365": (d(2025, 9, 3), d(2026, 8, 26)),
               "SVC-NET": (d(2026, 1, 22), d(2026, 1, 22)), "SVC-HOST": (d(2026, 3, 2), d(2026, 3, 2)),
               "SVC-BACKUP": (d(2025, 8, 19), d(2026, 7, 30)), "SVC-SOC": (d(2025, 3, 28), d(2026, 3, 24)),
               "SVC-VOICE": (d(2026, 8, 25), d(2026, 8, 25))}
        for svc, (appr, rev) in req.items():
            self.doc(f"DOC-REQ-{svc[4:]}", f"Service Requirements - {SERVICE_NAME[svc]}", "service_requirements",
                     SERVICE_OWNER[svc], ["PER010"], appr, "1." + str(appr.month), last_reviewed=rev, services=[svc])
        self.doc("DOC-REQ-EXCH", "Service Requirements - Hosted Exchange", "service_requirements", "PER018", ["PER010"],
                 d(2023, 3, 1), "3.2", last_reviewed=d(2026, 2, 27), status="retired", services=["SVC-EXCH"])
        self.doc("DOC-POL-CHANGE", "Change Management Policy", "change_management_policy", "PER008", ["PER002"],
                 d(2025, 9, 22), "2.0", last_reviewed=d(2026, 9, 15), published=d(2025, 9, 24))
        self.mark["D04"] = ("Document", "DOC-POL-CHANGE")
        self.doc("DOC-POL-ISEC", "Information Security Policy", "information_security_policy", "PER015", ["PER001"],
                 d(2026, 3, 10), "4.1", published=d(2026, 3, 12))
        self.doc("DOC-BCP-DC", "Service Continuity Plan - Datacentre Services", "continuity_plan", "PER014", ["PER002"],
                 d(2026, 6, 3), "5.0", services=["SVC-HOST", "SVC-BACKUP", "SVC-NET"])
        self.doc("DOC-BCP-DESK", "Service Continuity Plan - Service Desk and Workplace", "continuity_plan", "PER014", ["PER002"],
                 d(2025, 12, 1), "3.1", last_reviewed=d(2026, 9, 15), services=["SVC-DESK", "SVC-M365"])
        self.doc("DOC-BCP-SOC", "Service Continuity Plan - Security Monitoring", "continuity_plan", "PER014", ["PER002"],
                 d(2025, 6, 20), "1.0", last_reviewed=d(2026, 6, 22), services=["SVC-SOC"])
        self.doc("DOC-AVAIL-PLAN", "Availability Plan and Risk Assessment", "availability_plan", "PER013", ["PER005"],
                 d(2026, 2, 10), "2.0", services=live)
        self.doc("DOC-CAPACITY-PLAN", "Capacity Plan FY2026", "capacity_plan", "PER013", ["PER005"], d(2026, 3, 5), "3.0",
                 services=live)
        self.doc("DOC-DEMAND-FORECAST", "Demand Forecast H2 FY2026", "demand_forecast", "PER013", ["PER005"], d(2026, 8, 12),
                 "2026.2", interval=6, services=live)
        self.doc("DOC-BUDGET-FY26", "Service Budgets FY2026", "budget", "PER012", ["PER003"], d(2025, 10, 15), "1.0",
                 last_reviewed=d(2026, 4, 20), services=live + ["SVC-VOICE", "SVC-EXCH"])
        self.doc("DOC-BUDGET-FY27", "Service Budgets FY2027", "budget", "PER012", ["PER003"], d(2026, 10, 20), "1.0",
                 services=live + ["SVC-VOICE"])
        for i, proc in enumerate(PROCESSES):
            suffix, title, owner = PROCESS_INFO[proc]
            appr = add_months(d(2025, 3, 3), i) + timedelta(days=(i * 5) % 20)
            rev = appr if appr >= PERIOD_START else add_months(appr, 12)
            self.doc(f"DOC-PROC-{suffix}", f"{title} Process", "process", owner, ["PER005"], appr,
                     f"{2 + i % 3}.{i % 4}", last_reviewed=rev, process=proc)
        sops = [
            ("DOC-SOP-MAJOR-INCIDENT", "Major Incident Procedure", "incident_management", "PER028", "PER007", d(2025, 10, 6), d(2026, 9, 28)),
            ("DOC-SOP-SECURITY-INCIDENT", "Information Security Incident Procedure", "information_security_management", "PER022", "PER015", d(2026, 3, 16), d(2026, 3, 16)),
            ("DOC-SOP-EMERGENCY-CHANGE", "Emergency Change Procedure", "change_management", "PER008", "PER005", d(2025, 9, 24), d(2026, 9, 15)),
            ("DOC-SOP-STANDARD-CHANGES", "Standard Change Catalogue", "change_management", "PER008", "PER005", d(2026, 2, 24), d(2026, 2, 24)),
            ("DOC-SOP-RELEASE-TYPES", "Release Policy and Release Types", "release_and_deployment_management", "PER008", "PER005", d(2025, 11, 3), d(2026, 10, 5)),
            ("DOC-SOP-DOC-CONTROL", "Control of Documented Information", None, "PER006", "PER005", d(2025, 4, 14), d(2026, 4, 13)),
            ("DOC-SOP-CORRECTIVE-ACTION", "Nonconformity and Corrective Action Procedure", None, "PER006", "PER005", d(2025, 5, 12), d(2026, 5, 11)),
            ("DOC-SOP-INTERNAL-AUDIT", "Internal Audit Procedure", None, "PER006", "PER005", d(2025, 10, 28), d(2026, 10, 19)),
            ("DOC-SOP-CONFIG-AUDIT", "Configuration Verification and Audit Procedure", "configuration_management", "PER016", "PER005", d(2026, 1, 12), d(2026, 1, 12)),
        ]
        for did, title, proc, owner, appr_by, appr, rev in sops:
            self.doc(did, title, "procedure", owner, [appr_by], appr, "1." + str(appr.month % 5), last_reviewed=rev, process=proc)
        self.doc("DOC-AUDIT-PROGRAMME", "Internal Audit Programme FY2026", "audit_programme", "PER006", ["PER002"],
                 d(2025, 10, 28), "1.0", last_reviewed=d(2026, 4, 15))
        self.doc("DOC-COMMS-PLAN", "SMS Communication Plan", "communication_plan", "PER005", ["PER002"], d(2025, 11, 20), "2.0")
        self.doc("DOC-CONTEXT", "Context and Interested Parties Register", "other", "PER005", ["PER002"], d(2026, 7, 15), "3.0")
        self.doc("DOC-ROLES", "SMS Roles, Responsibilities and Authorities", "other", "PER005", ["PER001"], d(2026, 1, 15), "2.2")
        self.doc("DOC-EXT-ISO20000-1", "ISO/IEC 20000-1:2018 (licensed copy)", "other", "PER006", ["PER005"], d(2024, 2, 1),
                 "2018", last_reviewed=d(2026, 2, 2), external=True, location="https://northwindms.sharepoint.com/sites/SMS/External/ISO-IEC-20000-1-2018.pdf")
        self.doc("DOC-EXT-UKGDPR", "UK GDPR and Data Protection Act 2018 obligations register", "other", "PER015", ["PER005"],
                 d(2025, 5, 6), "2025", last_reviewed=d(2026, 5, 5), external=True)
        kas = [("DOC-KA-0001", "Resetting MFA registration for a user", "PER030", d(2025, 7, 2), d(2026, 6, 30), ["SVC-DESK", "SVC-M365"]),
               ("DOC-KA-0002", "Failing over the service desk telephony to the secondary trunk", "PER028", d(2026, 9, 25), d(2026, 9, 25), ["SVC-DESK"]),
               ("DOC-KA-0003", "Restarting the Entra Connect sync service (known error workaround)", "PER047", d(2026, 4, 9), d(2026, 4, 9), ["SVC-M365"]),
               ("DOC-KA-0004", "Reconnecting VPN clients after session timeout (known error workaround)", "PER045", d(2026, 7, 21), d(2026, 7, 21), ["SVC-NET"]),
               ("DOC-KA-0005", "Re-running a failed backup job safely", "PER043", d(2025, 9, 9), d(2026, 9, 8), ["SVC-BACKUP"]),
               ("DOC-KA-0006", "Onboarding a new starter end to end", "PER031", d(2026, 1, 19), d(2026, 1, 19), ["SVC-DESK", "SVC-M365"]),
               ("DOC-KA-0008", "Evacuating a hypervisor host before maintenance", "PER044", d(2026, 4, 20), d(2026, 4, 20), ["SVC-HOST"]),
               ("DOC-KA-0009", "Triage of SIEM ingestion delay alerts", "PER053", d(2026, 9, 16), d(2026, 9, 16), ["SVC-SOC"])]
        for did, title, owner, appr, rev, svcs in kas:
            self.doc(did, title, "knowledge_article", owner, ["PER007"], appr, "1.0", last_reviewed=rev, process="incident_management",
                     services=svcs)
        self.doc("DOC-KA-0007", "Moving a user to hosted voice (draft for pilot)", "knowledge_article", "PER023", [], None, "0.3",
                 last_reviewed=d(2026, 10, 22), status="draft", services=["SVC-VOICE"])

    def record_doc(self, did, title, kind, owner, approver, when, services=None):
        """A retained record (minutes, reports): approved once, no periodic review."""
        if approver == owner:
            approver = "PER005" if owner != "PER005" else "PER002"
        return self.doc(did, title, kind, owner, [approver], when, "1.0", interval=None, services=services,
                        retention_years=6)

    # ---- services, customers, agreements ---------------------------------------------
    def services(self):
        d = date
        cust_of = defaultdict(list)
        for svc, custs in SLA_PAIRS.items():
            cust_of[svc] = list(custs)
        cust_of["SVC-EXCH"] = ["CUS-CALDER"]
        cust_of["SVC-VOICE"] = ["CUS-BRIGHTWATER"]
        for sid, name, status, owner, critical, avail, in_scope, in_cat in SERVICES:
            self.add("Service", id=sid, name=name, status=status, owner=owner, customers=cust_of[sid],
                     in_scope=in_scope, in_catalogue=in_cat, critical=critical, availability_target=avail)
        for cid, name, kind, am in CUSTOMERS:
            self.add("Customer", id=cid, name=name, kind=kind, account_manager=am)
        r = self.r
        # live SLAs
        for svc, custs in SLA_PAIRS.items():
            for j, cus in enumerate(custs):
                sid = f"SLA-{svc[4:]}-{SHORT[cus]}"
                valid_from = d(2024 + (j % 2), 1 + (j * 4) % 12, 1)
                if svc == "SVC-SOC":
                    valid_from = d(2025, 6, 1)
                agreed = valid_from - timedelta(days=14 + j)
                valid_to = add_months(valid_from, 36) - timedelta(days=1)
                reviewed = self.rand_date(d(2025, 12, 1), d(2026, 10, 15))
                doc = self.doc(f"DOC-{sid}", f"Service Level Agreement - {SERVICE_NAME[svc]} - {CUSTOMER_NAME[cus]}", "sla",
                               "PER010", ["PER002"], agreed, f"{valid_from.year}.{1 + j}", last_reviewed=reviewed,
                               published=agreed + timedelta(days=2), services=[svc])
                workload = {"SVC-DESK": "Up to 1,500 contacts a month; 08:00-18:00 UK business days",
                            "SVC-M365": "Up to 900 licensed users",
                            "SVC-NET": "Up to 12 sites, 10 Gbit/s aggregate",
                            "SVC-HOST": "Up to 120 vCPU and 40 TB provisioned storage",
                            "SVC-BACKUP": "Up to 60 TB protected data, daily retention 35 days",
                            "SVC-SOC": "Up to 5,000 events per second"}[svc]
                self.add("SLA", id=sid, service=svc, customer=cus, status="agreed", agreed_on=agreed,
                         valid_from=valid_from, valid_to=valid_to, review_interval_months=12, last_reviewed_on=reviewed,
                         document=doc["id"], workload_limits=workload,
                         exceptions="Planned maintenance announced 5 working days ahead; force majeure; customer-caused faults")
        self.mark["D13"] = ("SLA", "SLA-BACKUP-ELMWOOD")
        # the retired and the pipeline service
        self.add("SLA", id="SLA-EXCH-CALDER", service="SVC-EXCH", customer="CUS-CALDER", status="expired",
                 agreed_on=d(2023, 2, 14), valid_from=d(2023, 3, 1), valid_to=d(2026, 2, 28), review_interval_months=12,
                 last_reviewed_on=d(2025, 12, 3), document=self.doc(
                     "DOC-SLA-EXCH-CALDER", "Service Level Agreement - Hosted Exchange - Calder Valley Housing Association",
                     "sla", "PER010", ["PER002"], d(2023, 2, 14), "2023.1", last_reviewed=d(2026, 2, 27),
                     status="retired", services=["SVC-EXCH"])["id"],
                 workload_limits="Up to 400 mailboxes", exceptions="Planned maintenance announced 5 working days ahead")
        self.add("SLA", id="SLA-VOICE-BRIGHTWATER", service="SVC-VOICE", customer="CUS-BRIGHTWATER", status="draft",
                 valid_from=d(2026, 12, 1), valid_to=d(2029, 11, 30), review_interval_months=12,
                 workload_limits="Up to 450 voice users", exceptions="Emergency calls routed through the carrier")
        # targets
        for sla in self.d["SLA"]:
            svc = sla["service"]
            n = 0

            def tgt(metric, value, unit, prio=None):
                nonlocal n
                n += 1
                self.add("ServiceTarget", id=f"TGT-{sla['id'][4:]}-{n:02d}", sla=sla["id"], metric=metric,
                         target_value=value, unit=unit, priority=prio)
            tgt("availability", SERVICES[[s[0] for s in SERVICES].index(svc)][5], "percent")
            tgt("response_time", 15, "minutes", 1)
            tgt("response_time", 30, "minutes", 2)
            for p, h in RESOLVE_HOURS.items():
                tgt("resolution_time", h, "hours", p)
            if svc in ("SVC-DESK", "SVC-M365", "SVC-NET", "SVC-EXCH"):
                for p, h in FULFIL_HOURS.items():
                    tgt("fulfilment_time", h, "hours", p)
            tgt("other", 4.0, "customer satisfaction score (1-5)")

    def agreed_slas(self):
        return [s for s in self.d["SLA"] if s["status"] == "agreed"]

    def service_reports(self):
        r = self.r
        packs = defaultdict(list)   # (customer, month) -> reports
        slas = self.agreed_slas() + [self.get("SLA", "SLA-EXCH-CALDER")]
        for m in month_starts():
            for sla in slas:
                if sla["id"] == "SLA-EXCH-CALDER" and m > date(2026, 2, 1):
                    continue
                packs[(sla["customer"], m)].append(sla)
        n = 0
        for (cus, m), slas_ in sorted(packs.items(), key=lambda kv: (kv[0][1], kv[0][0])):
            pe = month_end(m)
            issued = pe if pe == AS_OF else weekday_on_or_before(pe + timedelta(days=r.randint(4, 11)))
            am = self.get("Customer", cus)["account_manager"]
            doc = self.record_doc(f"DOC-SRPACK-{SHORT[cus]}-{m:%Y-%m}", f"Monthly service report {m:%B %Y} - {CUSTOMER_NAME[cus]}",
                                  "service_report", am, "PER010", issued, services=[s["service"] for s in slas_])
            for sla in slas_:
                n += 1
                rep = self.add("ServiceReport", id=f"SREP-{m:%Y%m}-{sla['service'][4:]}-{SHORT[cus]}", service=sla["service"],
                               customer=cus, period_start=m, period_end=pe, issued_on=issued, document=doc["id"])
                if rep["id"] == "SREP-202605-HOST-FENWICK":
                    self.mark["D20"] = ("ServiceReport", rep["id"])

    def relationship(self):
        d = date
        r = self.r
        # satisfaction surveys: three rounds for external customers, one for the internal one
        rounds = [(d(2025, 12, 1), d(2025, 12, 12)), (d(2026, 5, 4), d(2026, 5, 15)), (d(2026, 10, 5), d(2026, 10, 16))]
        n = 0
        for k, (a, b) in enumerate(rounds):
            for cus in EXTERNAL_CUSTOMERS:
                n += 1
                self.add("SatisfactionSurvey", id=f"CSAT-{a:%Y%m}-{SHORT[cus]}", customer=cus, service=None,
                         conducted_on=self.rand_date(a, b), score=round(r.uniform(3.9, 4.7), 2), responses=r.randint(14, 85))
        self.add("SatisfactionSurvey", id="CSAT-202604-NWGROUP", customer="CUS-NWGROUP", service="SVC-DESK",
                 conducted_on=d(2026, 4, 22), score=4.1, responses=37)
        self.add("SatisfactionSurvey", id="CSAT-202610-NWGROUP-NET", customer="CUS-NWGROUP", service="SVC-NET",
                 conducted_on=d(2026, 10, 8), score=4.3, responses=12)

    # ---- suppliers ------------------------------------------------------------------
    def suppliers(self):
        d = date
        for sid, name, kind, active, svcs, mgr, crit in SUPPLIERS:
            self.add("Supplier", id=sid, name=name, kind=kind, active=active, services=list(svcs), manager=mgr, criticality=crit)
        contracts = [
            ("CON-MERIDIAN-2024", "SUP-MERIDIAN", "contract", ["SVC-HOST", "SVC-BACKUP", "SVC-NET"], "active", d(2024, 4, 1), d(2027, 3, 31), d(2026, 3, 18)),
            ("CON-KESTREL-2023", "SUP-KESTREL", "contract", ["SVC-NET"], "active", d(2023, 9, 1), d(2027, 8, 31), d(2026, 5, 19)),
            ("CON-BLUEFIN-2025", "SUP-BLUEFIN", "contract", ["SVC-M365", "SVC-DESK"], "active", d(2025, 2, 1), d(2028, 1, 31), d(2026, 1, 27)),
            ("CON-SENTINEL-2025", "SUP-SENTINEL", "contract", ["SVC-SOC"], "active", d(2025, 5, 1), d(2028, 4, 30), d(2026, 4, 21)),
            ("CON-TIDEWATER-2026", "SUP-TIDEWATER", "contract", ["SVC-DESK", "SVC-VOICE"], "active", d(2026, 2, 1), d(2029, 1, 31), d(2026, 9, 29)),
            ("CON-OLDGATE-2021", "SUP-OLDGATE", "contract", ["SVC-EXCH"], "terminated", d(2021, 4, 1), d(2026, 3, 31), d(2026, 3, 31)),
            ("AGR-NWFACILITIES-2025", "SUP-NWFACILITIES", "agreement", ["SVC-DESK", "SVC-HOST"], "active", d(2025, 11, 1), d(2027, 10, 31), d(2026, 5, 12)),
            ("AGR-HARBOURSITE-2024", "SUP-HARBOURSITE", "agreement", ["SVC-NET"], "active", d(2024, 7, 1), d(2027, 6, 30), d(2026, 6, 24)),
        ]
        for cid, sup, kind, svcs, status, start, end, reviewed in contracts:
            mgr = self.get("Supplier", sup)["manager"]
            doc = self.doc(f"DOC-{cid}", f"{'Contract' if kind == 'contract' else 'Operational agreement'} - {self.get('Supplier', sup)['name']}",
                           kind, mgr, ["PER003"], start - timedelta(days=21), f"{start.year}.1", last_reviewed=reviewed,
                           status="approved" if status == "active" else "retired", services=svcs,
                           external=(kind == "contract"))
            self.add("Contract", id=cid, supplier=sup, kind=kind, services=svcs, status=status, start_on=start, end_on=end,
                     review_interval_months=12, last_reviewed_on=reviewed, document=doc["id"])
        self.mark["D05"] = ("Contract", "CON-KESTREL-2023")
        self.add("Dispute", id="DSP-0001", supplier="SUP-KESTREL", contract="CON-KESTREL-2023", raised_on=d(2026, 3, 20),
                 description="Service credits for the transit circuit outage of 11 March 2026 disputed by the supplier",
                 status="resolved", resolved_on=d(2026, 5, 12))
        self.add("Dispute", id="DSP-0002", supplier="SUP-BLUEFIN", contract="CON-BLUEFIN-2025", raised_on=d(2025, 12, 2),
                 description="Invoice charged 40 licences already cancelled in October", status="closed", resolved_on=d(2026, 1, 9))
        # budgets
        plan = {"SVC-DESK": 612000, "SVC-M365": 355000, "SVC-NET": 428000, "SVC-HOST": 796000, "SVC-BACKUP": 214000,
                "SVC-SOC": 389000, "SVC-VOICE": 96000, "SVC-EXCH": 42000}
        r = self.r
        for svc, amount in plan.items():
            self.add("Budget", id=f"BUD-FY26-{svc[4:]}", service=svc, period_start=d(2025, 11, 1), period_end=d(2026, 10, 31),
                     planned_cost=float(amount), actual_cost=round(amount * r.uniform(0.93, 1.04), 2),
                     approved_by="PER003", approved_on=d(2025, 10, 15))
        for svc, amount in plan.items():
            if svc == "SVC-EXCH":
                continue
            self.add("Budget", id=f"BUD-FY27-{svc[4:]}", service=svc, period_start=d(2026, 11, 1), period_end=d(2027, 10, 31),
                     planned_cost=310000.0 if svc == "SVC-VOICE" else round(amount * 1.04, 2),
                     actual_cost=None, approved_by="PER003", approved_on=d(2026, 10, 20))
        self.mark["D22"] = ("Budget", "BUD-FY26-NET")

    # ---- configuration --------------------------------------------------------------
    def configuration(self):
        d = date
        r = self.r
        for cid, name, ctype, status, owner, svcs, deps, cats in CIS:
            if status == "active":
                verified = d(2026, 10, 14) if r.random() < 0.7 else d(2026, 4, 22)
            elif status == "retired":
                verified = d(2026, 2, 27)
            else:
                verified = d(2026, 9, 30)
            self.add("ConfigurationItem", id=cid, name=name, ci_type=ctype, status=status, owner=owner, services=list(svcs),
                     depends_on=list(deps), last_verified_on=verified,
                     description=f"{name}; {ctype.replace('_', ' ')} supporting {', '.join(SERVICE_NAME[s] for s in svcs)}")
        self.mark["D14"] = ("ConfigurationItem", "CI-CIR-HARBOUR-HQ")
        for aid, when, scope, disc in [("CFA-2026-04", d(2026, 4, 22), "All CIs of Hosting, Network and Backup; sample of 40 workplace CIs", 3),
                                       ("CFA-2026-10", d(2026, 10, 14), "All active CIs in the CMDB against discovery data", 1)]:
            doc = self.record_doc(f"DOC-CFGAUD-{aid[4:]}", f"Configuration audit report {when:%B %Y}", "other", "PER016", "PER005",
                                  when + timedelta(days=3))
            self.add("ConfigurationAudit", id=aid, performed_on=when, scope=scope, discrepancies=disc, report=doc["id"])
        assets = [("AST-0001", "Dell PowerEdge R760 (HV-01)", "server hardware", "PER020", "CI-HV-01", "in_use", "Meridian London LD4, rack 12"),
                  ("AST-0002", "Dell PowerEdge R760 (HV-02)", "server hardware", "PER020", "CI-HV-02", "in_use", "Meridian London LD4, rack 12"),
                  ("AST-0003", "Dell PowerEdge R760 (HV-03)", "server hardware", "PER020", "CI-HV-03", "in_use", "Meridian London LD4, rack 13"),
                  ("AST-0004", "Dell PowerEdge R770 (HV-04)", "server hardware", "PER020", "CI-HV-04", "in_use", "Meridian London LD4, rack 13"),
                  ("AST-0005", "Dell PowerEdge R770 (HV-05)", "server hardware", "PER020", "CI-HV-05", "in_use", "Meridian London LD4, rack 14"),
                  ("AST-0006", "Dell PowerEdge R770 (HV-06)", "server hardware", "PER020", "CI-HV-06", "in_use", "Meridian London LD4, rack 14"),
                  ("AST-0007", "Storage array SAN-01", "storage hardware", "PER043", "CI-SAN-01", "in_use", "Meridian London LD4, rack 12"),
                  ("AST-0008", "Storage array SAN-02", "storage hardware", "PER043", "CI-SAN-02", "in_use", "Meridian London LD4, rack 14"),
                  ("AST-0009", "Core switch DC-CORE-01", "network hardware", "PER019", "CI-SW-CORE-01", "in_use", "Meridian London LD4, rack 11"),
                  ("AST-0010", "Core switch DC-CORE-02", "network hardware", "PER019", "CI-SW-CORE-02", "in_use", "Meridian London LD4, rack 11"),
                  ("AST-0011", "Firewall appliance DC-FW-A", "network hardware", "PER019", "CI-FW-DC-01", "in_use", "Meridian London LD4, rack 11"),
                  ("AST-0012", "Firewall appliance DC-FW-B", "network hardware", "PER019", "CI-FW-DC-02", "in_use", "Meridian London LD4, rack 11"),
                  ("AST-0013", "Backup appliance BKP-01", "storage hardware", "PER021", "CI-BKP-01", "in_use", "Meridian London LD4, rack 15"),
                  ("AST-0014", "Backup appliance BKP-02", "storage hardware", "PER021", "CI-BKP-02", "in_use", "Meridian London LD4, rack 15"),
                  ("AST-0015", "Replica storage (Manchester)", "storage hardware", "PER021", "CI-BKP-REPL", "in_use", "Meridian Manchester MA2"),
                  ("AST-0016", "Firewall appliance Harbour HQ", "network hardware", "PER045", "CI-FW-HARBOUR-HQ", "in_use", "Harbour Freight HQ, Ipswich"),
                  ("AST-0017", "Firewall appliance Harbour depot", "network hardware", "PER045", "CI-FW-HARBOUR-DEPOT", "in_use", "Harbour Freight depot, Felixstowe"),
                  ("AST-0018", "Firewall appliance Calder", "network hardware", "PER046", "CI-FW-CALDER-01", "in_use", "Calder Valley HA, Halifax"),
                  ("AST-0019", "Firewall appliance Northwind Group", "network hardware", "PER046", "CI-FW-NWGROUP-01", "in_use", "Northwind House, Reading"),
                  ("AST-0020", "Microsoft 365 E3 licences (pool)", "software licence", "PER018", None, "in_use", "Bluefin CSP portal"),
                  ("AST-0021", "Backup software licences (per TB)", "software licence", "PER021", "CI-APP-BACKUP", "in_use", "Vendor portal"),
                  ("AST-0022", "SIEM subscription", "software licence", "PER022", "CI-APP-SIEM", "in_use", "Sentinel Shield portal"),
                  ("AST-0023", "EDR subscription (1,200 endpoints)", "software licence", "PER022", "CI-APP-EDR", "in_use", "Vendor portal"),
                  ("AST-0024", "ITSM subscription", "software licence", "PER007", "CI-APP-ITSM", "in_use", "Vendor portal"),
                  ("AST-0025", "Dell PowerEdge R640 (old HV-04)", "server hardware", "PER020", None, "disposed", "Certified disposal, certificate WEEE-2026-0418"),
                  ("AST-0026", "Dell PowerEdge R640 (old HV-05)", "server hardware", "PER020", None, "disposed", "Certified disposal, certificate WEEE-2026-0418"),
                  ("AST-0027", "Exchange server hardware EXCH-01", "server hardware", "PER018", "CI-SRV-EXCH-01", "disposed", "Certified disposal, certificate WEEE-2026-0312"),
                  ("AST-0028", "Session border controller licence", "software licence", "PER023", "CI-APP-VOICE-SBC", "in_stock", "Vendor portal")]
        for i in range(12):
            pid = DESK[1 + i] if i < 12 else DESK[0]
            assets.append((f"AST-{29 + i:04d}", f"Laptop NW-LT-{410 + i}", "laptop", pid, "CI-APP-LAPTOPS", "in_use", "Northwind House, Reading"))
        for aid, name, kind, owner, ci, status, loc in assets:
            self.add("Asset", id=aid, name=name, kind=kind, owner=owner, ci=ci, status=status, location=loc)
        self.mark["E1"] = ("Asset", "AST-0019")

    # ---- change, release, transition -------------------------------------------------
    CAB_DATES = [date(2025, 11, 11), date(2025, 12, 9), date(2026, 1, 13), date(2026, 2, 10), date(2026, 3, 10),
                 date(2026, 4, 14), date(2026, 5, 12), date(2026, 6, 9), date(2026, 7, 14), date(2026, 8, 11),
                 date(2026, 9, 8), date(2026, 10, 13)]

    def cab_before(self, d, gap=2):
        """Latest CAB date at least `gap` days before d."""
        return max(c for c in self.CAB_DATES if c <= d - timedelta(days=gap))

    def new_change(self, key, title, kind, status, requested_on, services, cis, authority=None, approved_on=None,
                   approvers=None, impl=None, outcome=None, risk="medium", release=None, remediation=None,
                   backout=True, assessed=True, planned=None, requested_by=None, tested=True, pir=None):
        r = self.r
        if impl is not None and planned is None:
            planned = impl
        requested_by = requested_by or r.choice(ENGINEERS + ["PER018", "PER019", "PER020", "PER021"])
        if requested_by in (approvers or []):
            spare = [p for p in (ECAB if authority == "ecab" else CAB) if p not in approvers and p != requested_by]
            approvers = [p for p in approvers if p != requested_by] + spare[:1]
        rec = dict(_key=key, title=title, kind=kind, status=status, requested_on=requested_on,
                   requested_by=requested_by,
                   risk=risk, impact_assessed=assessed, approved_by=list(approvers or []), approved_on=approved_on,
                   approval_authority=authority, planned_start=planned,
                   planned_end=planned + timedelta(hours=r.choice([1, 2, 3, 4])) if planned else None,
                   implemented_on=impl, backout_plan=backout, outcome=outcome, pir_on=pir, remediation=remediation,
                   services=list(services), cis=list(cis), release=release, tested_on=None, communicated_on=None)
        if impl is not None:
            ld = local_date(impl)
            if kind in ("normal", "major") and tested:
                rec["tested_on"] = min(ld - timedelta(days=r.randint(1, 4)), ld)
                if approved_on and rec["tested_on"] < requested_on:
                    rec["tested_on"] = requested_on
            if kind == "emergency":
                rec["tested_on"] = ld
            if kind != "standard":
                rec["communicated_on"] = ld if kind == "emergency" else max(approved_on, ld - timedelta(days=r.randint(1, 5)))
            needs_pir = kind in ("major", "emergency") or outcome in ("failed", "backed_out", "partially_successful")
            if needs_pir and rec["pir_on"] is None:
                rec["pir_on"] = min(ld + timedelta(days=r.randint(3, 10)), AS_OF)
            if status is None:
                rec["status"] = "closed" if ld <= AS_OF - timedelta(days=7) else "implemented"
        elif planned is not None and status in ("scheduled", "approved") and kind != "standard":
            rec["communicated_on"] = approved_on + timedelta(days=1) if approved_on + timedelta(days=1) <= AS_OF else None
        self.d["_changes"].append(rec)
        return rec

    def cab_change(self, key, title, kind, services, cis, impl, risk="medium", outcome="successful", **kw):
        cab = self.cab_before(local_date(impl), gap=kw.pop("gap", 2))
        req = cab - timedelta(days=self.r.randint(4, 16))
        approvers = ["PER008"] + self.r.sample([c for c in CAB if c != "PER008"], 3)
        return self.new_change(key, title, kind, kw.pop("status", None), req, services, cis, "cab", cab, approvers,
                               impl, outcome, risk, **kw)

    def cm_change(self, key, title, services, cis, impl, risk="low", outcome="successful", same_day=False, **kw):
        ld = local_date(impl)
        appr = ld if same_day else weekday_on_or_before(ld - timedelta(days=self.r.randint(1, 4)))
        req = weekday_on_or_before(appr - timedelta(days=self.r.randint(0, 3)))
        return self.new_change(key, title, "normal", None, req, services, cis, "change_manager", appr, ["PER008"],
                               impl, outcome, risk, **kw)

    def evening(self, d, hh=19):
        return datetime(d.year, d.month, d.day, hh, self.r.choice([0, 15, 30]))

    def changes(self):
        d = date
        r = self.r
        # monthly patch releases, approved at the CAB, deployed the Saturday after next
        patch_cis = ["CI-VM-HARBOUR-ERP", "CI-VM-HARBOUR-SQL", "CI-VM-FENWICK-DMS", "CI-VM-FENWICK-SQL",
                     "CI-VM-CALDER-HOUSING", "CI-VM-CALDER-FILE", "CI-VM-RDS-01", "CI-SRV-AD-01", "CI-SRV-AD-02"]
        for cab in self.CAB_DATES:
            deploy = cab + timedelta(days=11)
            rel = self.add("Release", id=f"REL-{deploy:%Y-%m}-PATCH", title=f"Monthly server patch bundle {deploy:%B %Y}",
                           kind="minor", planned_on=deploy, tested_on=deploy - timedelta(days=4), acceptance_criteria_met=True,
                           deployed_on=datetime(deploy.year, deploy.month, deploy.day, 7, 30), outcome="successful",
                           backout_plan=True, cmdb_updated=True, services=["SVC-HOST", "SVC-DESK"],
                           approved_by=["PER008"], approved_on=cab, baseline_on=deploy - timedelta(days=1))
            req = cab - timedelta(days=7)
            self.new_change(f"patch-{deploy:%Y-%m}", f"Monthly server patching - {deploy:%B %Y}", "normal", None, req,
                            ["SVC-HOST", "SVC-DESK"], patch_cis, "cab", cab, ["PER008", "PER005", "PER020"],
                            rel["deployed_on"], "successful", "medium", release=rel["id"], requested_by="PER043")
        # emergency firewall patch with its emergency release
        rel = self.add("Release", id="REL-2025-11-FW-EMERG", title="Emergency firewall firmware hotfix", kind="emergency",
                       planned_on=d(2025, 11, 27), tested_on=d(2025, 11, 26), acceptance_criteria_met=True,
                       deployed_on=datetime(2025, 11, 27, 19, 30), outcome="successful", backout_plan=True, cmdb_updated=True,
                       services=["SVC-NET"], approved_by=["PER008", "PER015"], approved_on=d(2025, 11, 27),
                       baseline_on=d(2025, 11, 27))
        emergencies = [
            ("E1", "Emergency firmware hotfix for VPN vulnerability on datacentre firewalls", ["SVC-NET"], ["CI-FW-DC-01", "CI-FW-DC-02"], datetime(2025, 11, 27, 19, 30), d(2025, 11, 26), rel["id"], "successful", None),
            ("E2", "Replace failed line card in core switch DC-CORE-01", ["SVC-NET", "SVC-HOST"], ["CI-SW-CORE-01"], datetime(2025, 12, 9, 8, 25), d(2025, 12, 9), None, "successful", None),
            ("E3", "Force controller failover and apply firmware hotfix on SAN-01", ["SVC-HOST"], ["CI-SAN-01"], datetime(2026, 2, 17, 11, 5), d(2026, 2, 17), None, "successful", None),
            ("E4", "Block malicious sender domains at the email security gateway", ["SVC-M365"], ["CI-APP-MAILFILTER"], datetime(2026, 3, 26, 15, 10), d(2026, 3, 26), None, "successful", None),
            ("E5", "Revert conditional access policy on the Harbour Freight tenant", ["SVC-M365"], ["CI-SAAS-M365-HARBOUR"], datetime(2026, 5, 6, 9, 20), d(2026, 5, 6), None, "successful", None),
            ("E6", "Restart backup catalogue service and rebuild the catalogue index", ["SVC-BACKUP"], ["CI-APP-BACKUP", "CI-BKP-01"], datetime(2026, 7, 14, 7, 45), d(2026, 7, 14), None, "partially_successful",
             "Index rebuild completed only for BKP-01 on the first run; BKP-02 index rebuilt the next morning under the same emergency change and verified by test restores."),
            ("E7", "Emergency browser update for an actively exploited vulnerability", ["SVC-DESK"], ["CI-APP-LAPTOPS", "CI-APP-INTUNE"], datetime(2026, 8, 19, 16, 0), d(2026, 8, 19), None, "successful", None),
            ("E8", "Fail service desk telephony over to the secondary SIP trunk", ["SVC-DESK"], ["CI-APP-DESKPHONE", "CI-CIR-SIP-01"], datetime(2026, 9, 23, 13, 50), d(2026, 9, 23), None, "successful", None),
        ]
        for key, title, svcs, cis, impl, req, relid, outcome, remediation in emergencies:
            approvers = ["PER008", r.choice(["PER015", "PER020"])]
            if key == "E4":
                approvers = ["PER008", "PER015"]
            self.new_change(key, title, "emergency", None, req, svcs, cis, "ecab", local_date(impl), approvers, impl, outcome,
                            "high", release=relid, remediation=remediation, requested_by=r.choice(["PER028", "PER030", "PER022"]))
        # major changes and their transitions
        rel = self.add("Release", id="REL-2026-04-HOSTREFRESH", title="Hosting platform refresh (HV-04 to HV-06, SAN-02)",
                       kind="major", planned_on=d(2026, 4, 18), tested_on=d(2026, 4, 9), acceptance_criteria_met=True,
                       deployed_on=datetime(2026, 4, 18, 7, 0), outcome="successful", backout_plan=True, cmdb_updated=True,
                       services=["SVC-HOST"], approved_by=["PER008", "PER020"], approved_on=d(2026, 3, 10),
                       baseline_on=d(2026, 4, 17))
        self.new_change("MA", "Transfer the Portside Haulage Microsoft 365 tenant into Northwind management for Harbour Freight",
                        "major", None, d(2025, 11, 18), ["SVC-M365"], ["CI-SAAS-M365-HARBOUR", "CI-SRV-ENTRA-SYNC"], "cab",
                        d(2025, 12, 9), ["PER008", "PER005", "PER007", "PER015"], datetime(2026, 1, 17, 8, 0), "successful",
                        "high", requested_by="PER024")
        self.new_change("MB", "Decommission the Hosted Exchange platform", "major", None, d(2025, 12, 15), ["SVC-EXCH"],
                        ["CI-SRV-EXCH-01", "CI-SRV-EXCH-02", "CI-SRV-EXCH-EDGE"], "cab", d(2026, 1, 13),
                        ["PER008", "PER005", "PER016", "PER020"], datetime(2026, 2, 27, 19, 0), "successful", "high",
                        requested_by="PER018")
        self.new_change("MC", "Refresh hypervisor hosts HV-04 to HV-06 and replace storage array SAN-02", "major", None,
                        d(2026, 2, 20), ["SVC-HOST", "SVC-BACKUP"], ["CI-HV-04", "CI-HV-05", "CI-HV-06", "CI-SAN-02"], "cab",
                        d(2026, 3, 10), ["PER008", "PER005", "PER016", "PER020"], datetime(2026, 4, 18, 7, 0), "successful",
                        "high", release=rel["id"], requested_by="PER020")
        self.new_change("MD", "Introduce the Hosted Voice for Microsoft Teams service", "major", "scheduled", d(2026, 7, 20),
                        ["SVC-VOICE"], ["CI-APP-VOICE-SBC", "CI-CIR-SIP-02"], "cab", d(2026, 9, 8),
                        ["PER008", "PER005", "PER007", "PER019"], None, None, "high", requested_by="PER023",
                        planned=datetime(2026, 12, 1, 8, 0))
        self.add("ServiceTransition", id="ST-M365-PORTSIDE", service="SVC-M365", change="MA", planned_on=d(2026, 1, 17),
                 design_approved_on=d(2025, 12, 5), acceptance_criteria="All 140 Portside mailboxes and sites migrated; "
                 "conditional access baseline applied; customer sign-off of test results", accepted_on=d(2026, 1, 16),
                 transitioned_on=d(2026, 1, 17), outcome="successful", kind="transfer", outcome_reported_on=d(2026, 2, 10))
        self.add("ServiceTransition", id="ST-EXCH-REMOVAL", service="SVC-EXCH", change="MB", planned_on=d(2026, 2, 27),
                 design_approved_on=d(2026, 1, 9), acceptance_criteria="Every mailbox migrated or exported; customer data "
                 "handed over and confirmed; servers wiped to NIST 800-88 and disposal certificate received",
                 accepted_on=d(2026, 2, 26), transitioned_on=d(2026, 2, 27), outcome="successful", kind="removal",
                 outcome_reported_on=d(2026, 3, 20))
        self.add("ServiceTransition", id="ST-HOST-REFRESH", service="SVC-HOST", change="MC", planned_on=d(2026, 4, 18),
                 design_approved_on=d(2026, 3, 2), acceptance_criteria="All VMs running on new hosts with no performance "
                 "regression; failover test passed; monitoring and backups green for 48 hours", accepted_on=d(2026, 4, 17),
                 transitioned_on=d(2026, 4, 18), outcome="successful", kind="changed", outcome_reported_on=d(2026, 5, 6))
        self.add("ServiceTransition", id="ST-VOICE-NEW", service="SVC-VOICE", change="MD", planned_on=d(2026, 12, 1),
                 design_approved_on=d(2026, 8, 25), acceptance_criteria="Pilot of 40 users for 4 weeks with call quality "
                 "MOS >= 4.0; emergency calling tested; support runbooks and training delivered", accepted_on=None,
                 transitioned_on=None, outcome=None, kind="new", outcome_reported_on=None)
        # unsuccessful normal changes
        self.cab_change("F1", "Upgrade remote monitoring agent to version 12", "normal", ["SVC-DESK"], ["CI-APP-RMM"],
                        self.evening(d(2026, 1, 22)), outcome="failed",
                        remediation="Agents rolled back to v11 by policy within 2 hours; vendor fix received and re-planned.")
        self.cab_change("F2", "Firmware upgrade on Calder Valley firewall", "normal", ["SVC-NET"], ["CI-FW-CALDER-01"],
                        self.evening(d(2026, 3, 19)), outcome="backed_out",
                        remediation="Backed out to the previous firmware after IPsec tunnels failed to re-establish.\n"
                        "Root cause: a deprecated cipher; re-planned together with a cipher update.")
        self.cab_change("F3", "Apply SQL Server cumulative update to Harbour SQL", "normal", ["SVC-HOST"], ["CI-VM-HARBOUR-SQL"],
                        self.evening(d(2026, 6, 20), 18), outcome="backed_out",
                        remediation="Restored from the pre-change snapshot after ERP integration errors; vendor confirmed "
                        "incompatibility, update deferred until the ERP patch is released.")
        self.cab_change("F4", "Tighten Intune compliance policy for Windows devices", "normal", ["SVC-DESK", "SVC-M365"],
                        ["CI-APP-INTUNE"], self.evening(d(2026, 8, 27), 17), outcome="failed",
                        remediation="Policy unassigned after 60 devices were wrongly marked non-compliant; test group "
                        "extended and change re-submitted.")
        self.cab_change("P1", "Migrate Fenwick document management server to new VM template", "normal", ["SVC-HOST"],
                        ["CI-VM-FENWICK-DMS"], self.evening(d(2026, 5, 23), 8), outcome="partially_successful",
                        remediation="Search index did not migrate; rebuilt overnight, customer informed.")
        # other normal changes
        normals_cab = [
            ("Replace UPS batteries in datacentre rack 11", ["SVC-NET"], ["CI-SW-CORE-01", "CI-SW-CORE-02"], d(2025, 11, 22)),
            ("Add second log collector pipeline for Harbour", ["SVC-SOC"], ["CI-SRV-LOGCOL-02"], d(2025, 12, 13)),
            ("Upgrade backup software to version 12.3", ["SVC-BACKUP"], ["CI-APP-BACKUP", "CI-BKP-01", "CI-BKP-02"], d(2026, 2, 21)),
            ("Re-address Harbour depot LAN", ["SVC-NET"], ["CI-FW-HARBOUR-DEPOT"], d(2026, 3, 21)),
            ("Enable phishing-resistant MFA for administrators", ["SVC-M365"], ["CI-SAAS-M365-HARBOUR", "CI-SAAS-M365-FENWICK"], d(2026, 5, 16)),
            ("Upgrade ITSM tenant to spring release", ["SVC-DESK"], ["CI-APP-ITSM", "CI-APP-PORTAL"], d(2026, 6, 13)),
            ("Increase off-site replication bandwidth", ["SVC-BACKUP"], ["CI-BKP-REPL"], d(2026, 7, 25)),
            ("Rotate SIEM ingestion certificates", ["SVC-SOC"], ["CI-APP-SIEM", "CI-SRV-LOGCOL-01"], d(2026, 8, 22)),
            ("Upgrade core switch operating system", ["SVC-NET"], ["CI-SW-CORE-01", "CI-SW-CORE-02"], d(2026, 9, 19)),
            ("Decommission legacy remote desktop farm role", ["SVC-HOST"], ["CI-VM-RDS-01"], d(2026, 10, 17)),
        ]
        for i, (title, svcs, cis, when) in enumerate(normals_cab):
            self.cab_change(f"N{i}", title, "normal", svcs, cis, self.evening(weekday_on_or_after(when) if when.weekday() != 5 else when, 18),
                            risk=r.choice(["medium", "high", "medium"]))
        normals_cm = [
            ("Add DHCP reservation range for Calder printers", ["SVC-NET"], ["CI-FW-CALDER-01"], d(2025, 11, 19), False),
            ("Adjust EDR exclusions for the ERP client", ["SVC-SOC", "SVC-DESK"], ["CI-APP-EDR"], d(2025, 12, 17), True),
            ("Update service desk IVR opening-hours message", ["SVC-DESK"], ["CI-APP-DESKPHONE"], d(2026, 1, 7), True),
            ("Change backup retention for Elmwood to 60 days", ["SVC-BACKUP"], ["CI-APP-BACKUP"], d(2026, 2, 4), False),
            ("Enable mailbox auditing on Brightwater tenant", ["SVC-M365"], ["CI-SAAS-M365-BRIGHTWATER"], d(2026, 4, 8), True),
            ("Raise alert threshold on SAN latency monitor", ["SVC-HOST"], ["CI-SAN-01", "CI-SAN-02"], d(2026, 6, 3), False),
            ("Add Felixstowe depot to VPN split-tunnel list", ["SVC-NET"], ["CI-APP-VPN"], d(2026, 9, 2), True),
            ("Update Entra Connect sync filtering for Harbour OU", ["SVC-M365"], ["CI-SRV-ENTRA-SYNC"], d(2026, 10, 7), False),
        ]
        for i, (title, svcs, cis, when, same) in enumerate(normals_cm):
            rec = self.cm_change(f"C{i}", title, svcs, cis, datetime(when.year, when.month, when.day, 16, 30), same_day=same)
            if i == 3:
                self.mark["D01"] = ("Change", "C3")
        # standard changes from the standard change catalogue
        std = [("Add firewall rule from standard model FW-01", ["SVC-NET"], ["CI-FW-DC-01", "CI-FW-DC-02"]),
               ("Provision virtual machine from approved template", ["SVC-HOST"], ["CI-HV-01"]),
               ("Extend virtual machine disk", ["SVC-HOST"], ["CI-VM-CALDER-FILE"]),
               ("Add users to Microsoft 365 licence group", ["SVC-M365"], ["CI-SAAS-M365-ELMWOOD"]),
               ("Renew TLS certificate on VPN gateway", ["SVC-NET"], ["CI-APP-VPN"]),
               ("Create SharePoint site from template", ["SVC-M365"], ["CI-SAAS-M365-FENWICK"]),
               ("Add backup job for new virtual machine", ["SVC-BACKUP"], ["CI-APP-BACKUP"]),
               ("Onboard log source to SIEM", ["SVC-SOC"], ["CI-APP-SIEM"]),
               ("Deploy approved application package to laptops", ["SVC-DESK"], ["CI-APP-LAPTOPS", "CI-APP-INTUNE"])]
        for i in range(22):
            title, svcs, cis = std[i % len(std)]
            req = self.rand_date(d(2025, 11, 3), d(2026, 10, 23))
            impl = self.rand_time(weekday_on_or_after(req + timedelta(days=r.randint(0, 3))), 9, 17)
            self.new_change(f"S{i:02d}", title, "standard", None, req, svcs, cis, "pre_approved", req, ["PER008"], impl,
                            "successful", "low", backout=(i % 8 != 5), tested=False)
        # not yet implemented
        cab = d(2026, 10, 13)
        self.new_change("Q1", "Replace edge router DC-EDGE-02", "normal", "scheduled", d(2026, 10, 2), ["SVC-NET"],
                        ["CI-RTR-DC-02"], "cab", cab, ["PER008", "PER005", "PER019", "PER020"], None, None, "high",
                        planned=datetime(2026, 11, 7, 19, 0))
        self.new_change("Q2", "Upgrade Entra Connect sync server to the fixed release", "normal", "scheduled", d(2026, 10, 5),
                        ["SVC-M365"], ["CI-SRV-ENTRA-SYNC"], "cab", cab, ["PER008", "PER005", "PER015", "PER016"], None,
                        None, "medium", planned=datetime(2026, 11, 10, 18, 0))
        self.new_change("Q3", "Add storage shelf to SAN-01", "normal", "approved", d(2026, 10, 28), ["SVC-HOST"], ["CI-SAN-01"],
                        "change_manager", d(2026, 10, 29), ["PER008"], None, None, "low", planned=datetime(2026, 11, 3, 18, 0))
        self.new_change("Q4", "Replace Harbour HQ firewall with higher throughput model", "normal", "assessed", d(2026, 10, 19),
                        ["SVC-NET"], ["CI-FW-HARBOUR-HQ"], risk="medium")
        self.new_change("Q5", "Enable customer-managed keys for Fenwick backups", "normal", "assessed", d(2026, 10, 22),
                        ["SVC-BACKUP"], ["CI-APP-BACKUP"], risk="medium")
        self.new_change("Q6", "Introduce automated patching for network appliances", "normal", "requested", d(2026, 10, 28),
                        ["SVC-NET"], ["CI-FW-DC-01", "CI-FW-DC-02"], assessed=False)
        self.new_change("Q7", "Move Calder file shares to SharePoint", "normal", "requested", d(2026, 10, 30),
                        ["SVC-HOST", "SVC-M365"], ["CI-VM-CALDER-FILE"], assessed=False)
        self.new_change("R1", "Open inbound RDP to Harbour ERP server for vendor support", "normal", "rejected", d(2026, 2, 2),
                        ["SVC-HOST"], ["CI-VM-HARBOUR-ERP"], "cab", None, [], risk="high")
        self.new_change("R2", "Disable MFA for shared service accounts", "normal", "rejected", d(2026, 7, 3),
                        ["SVC-M365"], ["CI-SAAS-M365-ELMWOOD"], "cab", None, [], risk="high")
        self.new_change("X1", "Upgrade desk telephony client to beta release", "normal", "cancelled", d(2026, 5, 4),
                        ["SVC-DESK"], ["CI-APP-DESKPHONE"], risk="low")

    # ---- problems and incidents -------------------------------------------------------
    # key, title, ci, category, status, opened_on, priority, incident dates, root cause, workaround, fix (date, how)
    PROBLEMS = [
        ("P01", "Repeated failover of the datacentre firewall cluster", "CI-FW-DC-01", "firewall", "closed", date(2025, 12, 22), 2,
         [date(2025, 11, 5), date(2025, 11, 24), date(2025, 12, 3), date(2025, 12, 19)],
         "HA heartbeat shared a VLAN with backup traffic; bursts delayed heartbeats and triggered failovers.",
         None, (date(2026, 1, 24), "cab", "Move firewall HA heartbeat to a dedicated link")),
        ("P02", "Line card failure in core switch DC-CORE-01", "CI-SW-CORE-01", "network", "closed", date(2025, 12, 10), 1,
         [], "Manufacturing defect in a batch of line cards (vendor field notice).", None,
         (date(2026, 1, 10), "cab", "Proactively replace line cards of the affected batch in DC-CORE-02")),
        ("P03", "Harbour ERP server slow at month end", "CI-VM-HARBOUR-ERP", "performance", "closed", date(2026, 2, 2), 3,
         [date(2025, 11, 28), date(2025, 12, 30), date(2026, 1, 30)],
         "Month-end batch jobs overlapped with the nightly backup window and saturated storage I/O.", None,
         (date(2026, 2, 20), "cm", "Move Harbour ERP backup window away from month-end batch")),
        ("P04", "Storage controller firmware defect on SAN-01", "CI-SAN-01", "storage", "closed", date(2026, 2, 18), 1,
         [date(2026, 1, 20), date(2026, 2, 3)],
         "Known firmware defect caused controller cache flushes under sustained write load.", None,
         (date(2026, 3, 14), "cab", "Upgrade SAN-01 controller firmware to the fixed release")),
        ("P05", "Entra Connect sync stalls after bulk password changes", "CI-SRV-ENTRA-SYNC", "access", "known_error", date(2026, 4, 8), 3,
         [date(2026, 2, 11), date(2026, 3, 2), date(2026, 3, 18), date(2026, 3, 30), date(2026, 4, 7)],
         "Memory leak in the installed sync engine version when processing large password-change batches.",
         "Restart the sync service using knowledge article DOC-KA-0003; sync catches up within 10 minutes.", None),
        ("P06", "Backup jobs for Fenwick SQL fail on log truncation", "CI-BKP-01", "backup", "closed", date(2026, 5, 20), 3,
         [date(2026, 4, 14), date(2026, 4, 29), date(2026, 5, 8), date(2026, 5, 19)],
         "Application-aware processing lacked rights to truncate logs after the SQL service account changed.", None,
         (date(2026, 6, 10), "cm", "Grant backup service account log truncation rights on Fenwick SQL")),
        ("P07", "Conditional access template applied without break-glass exclusions", "CI-SAAS-M365-HARBOUR", "access", "closed", date(2026, 5, 7), 1,
         [], "The tenant baseline template did not carry the exclusions list; applied by automation without review.", None,
         (date(2026, 6, 12), "cab", "Add exclusions to tenant baseline template and peer review to the pipeline")),
        ("P08", "Backup catalogue corruption after storage snapshot", "CI-APP-BACKUP", "backup", "resolved", date(2026, 7, 15), 1,
         [], "Snapshot of the catalogue volume taken while the catalogue service was writing; no application quiescing.", None,
         (date(2026, 8, 20), "cab", "Quiesce backup catalogue before storage snapshots")),
        ("P09", "Service desk telephony loses registration on the primary SIP trunk", "CI-CIR-SIP-01", "telephony", "known_error", date(2026, 9, 24), 2,
         [date(2026, 8, 4), date(2026, 8, 26)],
         "Supplier session border controller drops registrations after its nightly configuration reload.",
         "Fail over to the secondary trunk following knowledge article DOC-KA-0002; supplier fix expected in November.", None),
        ("P10", "Laptops lose Wi-Fi after driver update", "CI-APP-LAPTOPS", "hardware", "closed", date(2026, 4, 15), 3,
         [date(2026, 3, 9), date(2026, 3, 16), date(2026, 3, 23), date(2026, 3, 31), date(2026, 4, 8), date(2026, 4, 14)],
         "Wireless driver 23.40 pushed through Windows Update has a power-saving bug.", None,
         (date(2026, 4, 29), "cm", "Pin wireless driver version through Intune and block 23.40")),
        ("P11", "VPN sessions drop every eight hours", "CI-APP-VPN", "connectivity", "known_error", date(2026, 7, 20), 3,
         [date(2026, 6, 8), date(2026, 6, 29), date(2026, 7, 16)],
         "Re-key interval on the gateway is shorter than the client's; the client does not renegotiate in time.",
         "Users reconnect; client profile with matching interval published through DOC-KA-0004.", None),
        ("P12", "SIEM ingestion delay during peak hours", "CI-APP-SIEM", "monitoring", "investigating", date(2026, 9, 15), 2,
         [date(2026, 8, 10), date(2026, 8, 31), date(2026, 9, 14)], None, None, None),
        ("P13", "Harbour depot firewall reboots unexpectedly", "CI-FW-HARBOUR-DEPOT", "firewall", "investigating", date(2026, 10, 20), 2,
         [date(2026, 9, 7), date(2026, 9, 29), date(2026, 10, 19)], None, None, None),
        ("P14", "Brightwater Teams meetings fail to join from school sites", "CI-SAAS-M365-BRIGHTWATER", "collaboration", "closed", date(2026, 3, 10), 3,
         [date(2026, 1, 12), date(2026, 2, 9), date(2026, 3, 9)],
         "Schools' web filter inspected Teams media traffic and broke the connections.", None,
         (date(2026, 3, 24), "cm", "Exempt Microsoft Teams media ranges from inspection on the school filters")),
        ("P15", "Hypervisor hosts HV-04 to HV-06 reaching end of vendor support", "CI-HV-04", "server", "closed", date(2025, 11, 20), 3,
         [], "Hardware generation leaves vendor support in June 2026 (proactive problem from capacity review).", None,
         ("MC", None, None)),
        ("P16", "Log collector disk fills after SIEM agent upgrade", "CI-SRV-LOGCOL-01", "monitoring", "new", date(2026, 10, 27), 3,
         [], None, None, None),
        ("P17", "IPsec tunnels to Calder Valley drop after carrier maintenance", "CI-FW-CALDER-01", "connectivity", "investigating",
         date(2026, 10, 13), 2, [date(2026, 8, 17), date(2026, 9, 21), date(2026, 10, 12)], None, None, None),
    ]
    MAJORS = [
        # key, title, service, cis, category, opened (UTC), outage minutes, resolve minutes, problem key
        ("M1", "Core network outage at the datacentre", "SVC-NET", ["CI-SW-CORE-01"], "network", datetime(2025, 12, 9, 7, 42), 58, 80, "P02"),
        ("M2", "Hosting platform storage outage", "SVC-HOST", ["CI-SAN-01"], "storage", datetime(2026, 2, 17, 10, 15), 70, 105, "P04"),
        ("M3", "Harbour Freight users locked out of Microsoft 365", "SVC-M365", ["CI-SAAS-M365-HARBOUR"], "access", datetime(2026, 5, 6, 7, 5), 110, 130, "P07"),
        ("M4", "Backups failing for all customers", "SVC-BACKUP", ["CI-APP-BACKUP"], "backup", datetime(2026, 7, 14, 6, 10), 140, 200, "P08"),
        ("M5", "Service desk telephone lines down", "SVC-DESK", ["CI-APP-DESKPHONE", "CI-CIR-SIP-01"], "telephony", datetime(2026, 9, 23, 12, 20), 65, 90, "P09"),
    ]

    def problems(self):
        r = self.r
        for key, title, ci, cat, status, opened, prio, _, root, workaround, fix in self.PROBLEMS:
            rec = dict(_key=key, title=title, opened_on=opened, priority=prio, status=status, root_cause=root,
                       known_error=status == "known_error", workaround=workaround, resolved_on=None, closed_on=None,
                       cis=[ci] if key != "P15" else ["CI-HV-04", "CI-HV-05", "CI-HV-06"], change=None, reviewed_on=None)
            if fix is not None:
                when, how, title_fix = fix
                if when == "MC":
                    rec["change"] = "MC"
                    rec["resolved_on"] = date(2026, 4, 18)
                else:
                    ckey = f"fix-{key}"
                    svc = CI_INFO[ci][5][:1]
                    impl = self.evening(when, 18)
                    fix_cis = ["CI-SW-CORE-02"] if key == "P02" else [ci]
                    if how == "cab":
                        self.cab_change(ckey, title_fix, "normal", svc, fix_cis, impl, requested_by="PER009")
                    else:
                        self.cm_change(ckey, title_fix, svc, fix_cis, impl, requested_by="PER009")
                    rec["change"] = ckey
                    rec["resolved_on"] = when
            if key == "P05":
                rec["change"] = "Q2"
            if status == "closed":
                rec["closed_on"] = rec["resolved_on"] + timedelta(days=r.randint(21, 42))
                rec["reviewed_on"] = rec["closed_on"]
            else:
                rec["reviewed_on"] = max(opened, date(2026, 10, 21))
            self.d["_problems"].append(rec)

    def incident_targets(self, opened, prio):
        return opened + timedelta(hours=RESOLVE_HOURS[prio])

    def clusters_ok(self, incidents, extra):
        """Adding the (unlinked) incident `extra` creates no recurring cluster: within any 90 days, no three
        incidents on one CI and category, and no three incidents without a problem record on one CI."""
        for ci in extra["cis"]:
            for same in (lambda i: i["category"] == extra["category"], lambda i: not i["problem"]):
                times = sorted([i["opened_at"] for i in incidents if ci in i["cis"] and same(i)] + [extra["opened_at"]])
                for a in range(len(times) - 2):
                    if times[a + 2] - times[a] <= timedelta(days=92) and extra["opened_at"] in times[a:a + 3]:
                        return False
        return True

    def make_incident(self, key, title, service, cis, category, opened, impact, urgency, assigned, *, major=False,
                      security=False, resolve_minutes=None, miss=False, status=None, problem=None, escalated=False):
        r = self.r
        prio = impact + urgency - 1
        target = self.incident_targets(opened, prio)
        inc = dict(_key=key, title=title, opened_at=opened, category=category, impact=impact, urgency=urgency, priority=prio,
                   status=status, major=major, security=security, service=service, cis=list(cis), assigned_to=assigned,
                   escalated=escalated or major or security, target_resolve_at=target, resolved_at=None, closed_at=None,
                   resolution=None, problem=problem, top_management_informed_on=None, review_on=None,
                   reassignment_count=r.choice([0, 0, 0, 1, 1, 2, 3]) if not major else r.choice([1, 2]),
                   reopen_count=1 if r.random() < 0.04 else 0, sla_met=None)
        if status in ("new", "in_progress", "on_hold", "cancelled"):
            if status == "cancelled":
                inc["resolution"] = None
            return inc
        total = timedelta(hours=RESOLVE_HOURS[prio])
        if resolve_minutes is not None:
            dur = timedelta(minutes=resolve_minutes)
        elif miss:
            dur = total * r.uniform(1.1, 2.2)
        else:
            dur = total * r.uniform(0.08, 0.92)
        resolved = opened + dur
        inc["resolved_at"] = resolved.replace(microsecond=0)
        inc["resolution"] = r.choice(RESOLUTIONS[category])
        inc["sla_met"] = inc["resolved_at"] <= target
        closed = inc["resolved_at"] + timedelta(days=3, hours=r.randint(0, 6))
        if closed <= datetime(2026, 10, 31, 21, 0):
            inc["closed_at"] = closed
            inc["status"] = "closed"
        else:
            inc["status"] = "resolved"
        if major:
            inc["top_management_informed_on"] = local_date(opened)
            inc["review_on"] = weekday_on_or_after(local_date(inc["resolved_at"]) + timedelta(days=r.randint(2, 5)))
        return inc

    def incidents(self):
        r = self.r
        incs = []
        # problem clusters
        for key, title, ci, cat, status, opened, prio, dates, *_ in self.PROBLEMS:
            svc = CI_INFO[ci][5][0]
            for n, day in enumerate(dates):
                t = self.rand_time(day, 7, 18)
                impact, urgency = r.choice([(2, 2), (3, 1), (2, 3), (3, 2)])
                who = r.choice(DESK if svc in ("SVC-DESK", "SVC-M365") else (SOC if svc == "SVC-SOC" else ENGINEERS))
                inc = self.make_incident(f"{key}-{n}", r.choice(INCIDENT_TITLES[cat]), svc, [ci], cat, t, impact, urgency, who,
                                         problem=key)
                incs.append(inc)
        # major incidents
        for key, title, svc, cis, cat, opened, outage, resolve, pkey in self.MAJORS:
            inc = self.make_incident(key, title, svc, cis, cat, opened, 1, 1, r.choice(["PER028", "PER030"]), major=True,
                                     resolve_minutes=resolve, problem=pkey)
            inc["_outage"] = outage
            if key == "M3":
                inc["_offset"] = {"opened_at", "resolved_at"}
            incs.append(inc)
        self.mark["D03"] = ("Incident", "M3")
        self.mark["D15"] = ("Incident", "M5")
        # the two unplanned outages below major level
        for key, title, svc, ci, cat, opened, outage, resolve in [
                ("O1", "Packet loss on both internet transit circuits", "SVC-NET", "CI-CIR-WAN-01", "connectivity", datetime(2026, 3, 11, 9, 40), 25, 95),
                ("O2", "Hypervisor host HV-02 crashed; VMs restarted on other hosts", "SVC-HOST", "CI-HV-02", "server", datetime(2026, 8, 6, 14, 5), 40, 150)]:
            inc = self.make_incident(key, title, svc, [ci], cat, opened, 1, 2, r.choice(NET_ENG if svc == "SVC-NET" else HOST_ENG),
                                     resolve_minutes=resolve, escalated=True)
            inc["_outage"] = outage
            assert self.clusters_ok(incs, inc)
            incs.append(inc)
        self.mark["D08"] = ("Problem", "P17")
        # security incidents
        sec = [("SVC-M365", "CI-SAAS-M365-FENWICK", "Phishing email reported by several users", date(2025, 11, 13)),
               ("SVC-M365", "CI-SAAS-M365-HARBOUR", "Suspicious sign-in from unfamiliar location", date(2026, 1, 8)),
               ("SVC-DESK", "CI-APP-EDR", "Malware detected and quarantined on a laptop", date(2026, 2, 24)),
               ("SVC-M365", "CI-APP-MAILFILTER", "Phishing campaign bypassed the mail filter", date(2026, 3, 26)),
               ("SVC-DESK", "CI-APP-LAPTOPS", "Laptop reported lost on public transport", date(2026, 5, 19)),
               ("SVC-SOC", "CI-APP-SIEM", "Unusual outbound traffic from a hosted server", date(2026, 6, 30)),
               ("SVC-M365", "CI-SAAS-M365-ELMWOOD", "Mailbox forwarding rule created by an attacker", date(2026, 8, 12)),
               ("SVC-DESK", "CI-APP-EDR", "Ransomware behaviour blocked on a workstation", date(2026, 10, 6))]
        for i, (svc, ci, title, day) in enumerate(sec):
            impact, urgency = [(1, 2), (2, 1), (2, 2)][i % 3]
            inc = self.make_incident(f"SEC{i}", title, svc, [ci], "security", self.rand_time(day, 8, 17), impact, urgency,
                                     SECURITY_HANDLERS[i % 2], security=True)
            assert self.clusters_ok(incs, inc), title
            incs.append(inc)
        # day-to-day incidents
        weights = [("SVC-DESK", 22), ("SVC-M365", 26), ("SVC-NET", 18), ("SVC-HOST", 17), ("SVC-BACKUP", 10), ("SVC-SOC", 7)]
        excluded = {"CI-FW-CALDER-01"}
        pool = [s for s, w in weights for _ in range(w)]
        target_total = 300
        n_open = 6
        n_cancel = 3
        noise = target_total - len(incs) - n_open - n_cancel
        misses = set(r.sample(range(noise), 9))
        made = 0
        attempts = 0
        while made < noise + n_cancel + n_open:
            attempts += 1
            assert attempts < 20000, "could not place incidents"
            idx = made
            if idx < 6:                         # the retired service, before its removal
                svc = "SVC-EXCH"
                day = self.rand_date(date(2025, 11, 3), date(2026, 2, 20))
            else:
                svc = r.choice(pool)
                if idx >= noise + n_cancel:     # still open at the audit date
                    day = self.rand_date(date(2026, 10, 29), date(2026, 10, 30))
                else:
                    day = self.rand_date(PERIOD_START, date(2026, 10, 26), weekday=r.random() < 0.9)
            cands = [c for c in svc_cis(svc) if c not in excluded and CI_INFO[c][7]]
            ci = r.choice(cands)
            cats = [c for c in CI_INFO[ci][7] if c != "security"]
            cat = r.choice(cats)
            t = self.rand_time(day, 7, 19)
            impact, urgency = r.choice([(2, 2), (2, 3), (3, 2), (3, 3), (3, 1), (1, 3), (2, 2), (3, 2), (2, 3), (3, 3)])
            if idx >= noise + n_cancel:
                impact, urgency = r.choice([(2, 3), (3, 2), (3, 3)])
            if svc == "SVC-SOC":
                who = r.choice(SOC)
            elif svc in ("SVC-DESK", "SVC-M365", "SVC-EXCH") or r.random() < 0.3:
                who = r.choice(DESK + (["PER061"] if day < date(2026, 3, 1) else []))
            elif svc == "SVC-NET":
                who = r.choice(NET_ENG)
            elif svc == "SVC-HOST":
                who = r.choice(HOST_ENG + (["PER062"] if day < date(2026, 4, 1) else []))
            else:
                who = r.choice(ENGINEERS)
            status = None
            if idx >= noise + n_cancel:
                status = ["new", "in_progress", "on_hold", "in_progress", "new", "in_progress"][idx - noise - n_cancel]
            elif idx >= noise:
                status = "cancelled"
            inc = self.make_incident(f"N{idx:03d}", r.choice(INCIDENT_TITLES[cat]), svc, [ci], cat, t, impact, urgency, who,
                                     miss=idx in misses, status=status)
            if status == "cancelled":
                inc["title"] = "Duplicate of an existing incident"
            if not self.clusters_ok(incs, inc):
                continue
            if inc["resolved_at"] and inc["resolved_at"] > datetime(2026, 10, 31, 20, 0):
                continue
            if status in ("new", "in_progress", "on_hold") and inc["target_resolve_at"] <= datetime(2026, 11, 1, 0, 0):
                continue
            if r.random() < 0.08 and bst(t):
                inc["_offset"] = {"opened_at"}
            incs.append(inc)
            made += 1
        # keep the quarterly resolution objective met: at most a few breaches per quarter
        quarters = [(date(2025, 11, 1), date(2026, 1, 31)), (date(2026, 2, 1), date(2026, 4, 30)),
                    (date(2026, 5, 1), date(2026, 7, 31)), (date(2026, 8, 1), date(2026, 10, 31))]
        for a, b in quarters:
            while True:
                pop = [i for i in incs if i["resolved_at"] and a <= local_date(i["resolved_at"]) <= b]
                missed = [i for i in pop if not i["sla_met"]]
                if len(missed) <= 0.04 * len(pop):
                    break
                i = missed[-1]
                i["resolved_at"] = (i["opened_at"] + (i["target_resolve_at"] - i["opened_at"]) * 0.85).replace(microsecond=0)
                i["sla_met"] = True
                if i["closed_at"]:
                    i["closed_at"] = i["resolved_at"] + timedelta(days=3)
        incs.sort(key=lambda i: (i["opened_at"], i["_key"]))
        for n, inc in enumerate(incs):
            inc["id"] = f"INC{4001 + n:07d}"
        self.d["_incidents"] = incs
        self.mark["D12"] = ("Incident", next(i["_key"] for i in incs if i["status"] == "closed" and not i["major"]
                                             and not i["security"] and i["opened_at"].date() >= date(2026, 4, 1)
                                             and i["_key"].startswith("N")))

    def finalize_changes_problems(self):
        chs = sorted(self.d.pop("_changes"), key=lambda c: (c["requested_on"], c["_key"]))
        keymap = {}
        for n, c in enumerate(chs):
            c["id"] = f"CHG{101 + n:07d}"
            keymap[c["_key"]] = c["id"]
        for c in chs:
            key = c.pop("_key")
            self.add("Change", id=c.pop("id"), **c)["_key"] = key
        for st in self.d["ServiceTransition"]:
            st["change"] = keymap[st["change"]]
        prbs = sorted(self.d.pop("_problems"), key=lambda p: (p["opened_on"], p["_key"]))
        pmap = {}
        for n, p in enumerate(prbs):
            pmap[p["_key"]] = f"PRB{201 + n:07d}"
        for p in prbs:
            key = p.pop("_key")
            if p["change"]:
                p["change"] = keymap[p["change"]]
            self.add("Problem", id=pmap[key], **p)["_key"] = key
        for inc in self.d.pop("_incidents"):
            if inc["problem"]:
                inc["problem"] = pmap[inc["problem"]]
            key = inc.pop("_key")
            self.add("Incident", id=inc.pop("id"), **inc)["_key"] = key
        self.keymap = keymap
        self.pmap = pmap
        for k, (typ, key) in list(self.mark.items()):
            if typ == "Change" and key in keymap:
                self.mark[k] = (typ, keymap[key])
            if typ == "Incident" and not key.startswith("INC"):
                self.mark[k] = (typ, next(i["id"] for i in self.d["Incident"] if i["_key"] == key))
        self.mark["D02"] = ("Change", keymap["E4"])
        self.mark["D08"] = ("Problem", pmap["P17"])

    def sync_cmdb(self):
        """Configuration records are updated when a change touching them is implemented."""
        latest = {}
        for c in self.d["Change"]:
            if c["implemented_on"] and c["status"] in ("implemented", "closed"):
                for ci in c["cis"]:
                    latest[ci] = max(latest.get(ci, date.min), local_date(c["implemented_on"]))
        for ci in self.d["ConfigurationItem"]:
            if ci["status"] == "active" and ci["id"] in latest and latest[ci["id"]] > ci["last_verified_on"]:
                ci["last_verified_on"] = latest[ci["id"]]
        assert self.mark["D14"][1] not in latest

    def outages(self):
        n = 0
        for inc in self.d["Incident"]:
            if "_outage" in inc:
                n += 1
                start = inc["opened_at"] + timedelta(minutes=3)
                end = start + timedelta(minutes=inc["_outage"])
                cause = {"M1": "Core switch line card failure", "M2": "Storage controller cache flush stalled I/O",
                         "M3": "Conditional access policy blocked all sign-ins", "M4": "Backup catalogue corruption",
                         "M5": "Primary SIP trunk lost registration", "O1": "Carrier fault on both transit circuits",
                         "O2": "Hypervisor host crash (memory module failure)"}[inc["_key"]]
                self.add("Outage", id=f"OUT-{n:04d}", service=inc["service"], started_at=start, ended_at=end, planned=False,
                         cause=cause, investigated_on=weekday_on_or_after(local_date(end) + timedelta(days=2)), incident=inc["id"])
        for when, svc, mins, cause in [(datetime(2026, 1, 24, 20, 0), "SVC-NET", 20, "Planned: firewall HA heartbeat re-cabling"),
                                       (datetime(2026, 4, 18, 7, 0), "SVC-HOST", 180, "Planned: hosting platform refresh cut-over"),
                                       (datetime(2026, 6, 13, 18, 0), "SVC-DESK", 45, "Planned: ITSM tenant upgrade"),
                                       (datetime(2026, 7, 25, 19, 0), "SVC-BACKUP", 30, "Planned: replication link upgrade"),
                                       (datetime(2026, 9, 19, 18, 0), "SVC-NET", 25, "Planned: core switch OS upgrade")]:
            n += 1
            self.add("Outage", id=f"OUT-{n:04d}", service=svc, started_at=when, ended_at=when + timedelta(minutes=mins),
                     planned=True, cause=cause, investigated_on=weekday_on_or_after(when.date() + timedelta(days=3)), incident=None)

    def service_requests(self):
        r = self.r
        cats = [("new_starter", "SVC-DESK", 3), ("leaver", "SVC-DESK", 3), ("access_request", "SVC-DESK", 3),
                ("software_install", "SVC-DESK", 4), ("hardware_request", "SVC-DESK", 4), ("shared_mailbox", "SVC-M365", 3),
                ("licence_change", "SVC-M365", 4), ("vpn_access", "SVC-NET", 3), ("password_reset", "SVC-DESK", 2)]
        srs = []
        misses = set(r.sample(range(112), 4))
        for i in range(120):
            cat, svc, prio = r.choice(cats)
            if i >= 115:
                day = self.rand_date(date(2026, 10, 29), date(2026, 10, 30))
            else:
                day = self.rand_date(PERIOD_START, date(2026, 10, 26))
            opened = self.rand_time(day, 7, 18)
            target = opened + timedelta(hours=FULFIL_HOURS[prio])
            who = r.choice(DESK) if svc != "SVC-NET" else r.choice(NET_ENG)
            sr = dict(opened_at=opened, category=cat, priority=prio, status=None, service=svc, assigned_to=who,
                      target_fulfil_at=target, fulfilled_at=None, closed_at=None)
            if i >= 115:
                sr["status"] = ["new", "in_progress", "in_progress", "new", "in_progress"][i - 115]
                if target <= datetime(2026, 11, 1):
                    sr["target_fulfil_at"] = sr["opened_at"] + timedelta(hours=72)
                    sr["priority"] = 4
            elif i in (20, 77):
                sr["status"] = "cancelled"
                sr["closed_at"] = opened + timedelta(hours=2)
            else:
                frac = r.uniform(1.1, 1.8) if i in misses else r.uniform(0.05, 0.95)
                sr["fulfilled_at"] = (opened + (target - opened) * frac).replace(microsecond=0)
                closed = sr["fulfilled_at"] + timedelta(days=2)
                if closed <= datetime(2026, 10, 31, 20, 0):
                    sr["closed_at"] = closed
                    sr["status"] = "closed"
                else:
                    sr["status"] = "fulfilled"
            if r.random() < 0.06 and bst(opened):
                sr["_offset"] = {"opened_at"}
            srs.append(sr)
        # keep the quarterly fulfilment objective met
        for a, b in [(date(2025, 11, 1), date(2026, 1, 31)), (date(2026, 2, 1), date(2026, 4, 30)),
                     (date(2026, 5, 1), date(2026, 7, 31)), (date(2026, 8, 1), date(2026, 10, 31))]:
            while True:
                pop = [x for x in srs if x["fulfilled_at"] and a <= local_date(x["fulfilled_at"]) <= b]
                late = [x for x in pop if x["fulfilled_at"] > x["target_fulfil_at"]]
                if len(late) <= 0.05 * len(pop):
                    break
                x = late[-1]
                x["fulfilled_at"] = (x["opened_at"] + (x["target_fulfil_at"] - x["opened_at"]) * 0.8).replace(microsecond=0)
                if x["closed_at"]:
                    x["closed_at"] = x["fulfilled_at"] + timedelta(days=2)
        srs.sort(key=lambda s: s["opened_at"])
        for n, sr in enumerate(srs):
            self.add("ServiceRequest", id=f"RITM{7001 + n:07d}", **sr)

    def history(self):
        """Status history of incidents and service requests, as the ITSM tool's audit log has it."""
        rows = []
        for inc in self.d["Incident"]:
            t0 = inc["opened_at"]
            rows.append(("Incident", inc["id"], t0, "status", None, "new", "svc-itsm-intake"))
            if inc["status"] == "new":
                continue
            if inc["status"] == "cancelled":
                rows.append(("Incident", inc["id"], t0 + timedelta(minutes=20), "status", "new", "cancelled", inc["assigned_to"]))
                continue
            t1 = t0 + timedelta(minutes=5 if inc["major"] else 12 + (int(inc["id"][-3:]) % 40))
            rows.append(("Incident", inc["id"], t1, "status", "new", "in_progress", inc["assigned_to"]))
            if inc["status"] == "on_hold":
                rows.append(("Incident", inc["id"], t1 + timedelta(hours=2), "status", "in_progress", "on_hold", inc["assigned_to"]))
                continue
            if inc["status"] == "in_progress":
                continue
            if inc["major"]:
                rows.append(("Incident", inc["id"], t1, "major", "false", "true", "PER028"))
            rows.append(("Incident", inc["id"], inc["resolved_at"], "status", "in_progress", "resolved", inc["assigned_to"]))
            if inc["closed_at"]:
                rows.append(("Incident", inc["id"], inc["closed_at"], "status", "resolved", "closed", "svc-itsm-autoclose"))
        for sr in self.d["ServiceRequest"]:
            t0 = sr["opened_at"]
            rows.append(("ServiceRequest", sr["id"], t0, "status", None, "new", "svc-itsm-portal"))
            if sr["status"] == "new":
                continue
            if sr["status"] == "cancelled":
                rows.append(("ServiceRequest", sr["id"], sr["closed_at"], "status", "new", "cancelled", sr["assigned_to"]))
                continue
            rows.append(("ServiceRequest", sr["id"], t0 + timedelta(minutes=30), "status", "new", "in_progress", sr["assigned_to"]))
            if sr["fulfilled_at"]:
                rows.append(("ServiceRequest", sr["id"], sr["fulfilled_at"], "status", "in_progress", "fulfilled", sr["assigned_to"]))
            if sr["closed_at"]:
                rows.append(("ServiceRequest", sr["id"], sr["closed_at"], "status", "fulfilled", "closed", "svc-itsm-autoclose"))
        rows.sort(key=lambda x: (x[2], x[0], x[1]))
        for n, (typ, rid, when, field, old, new, by) in enumerate(rows):
            rec = self.add("StateChange", id=f"EV{n + 1:06d}", record_type=typ, record_id=rid, at=when, field=field,
                           **{"from": old}, to=new, by=by)
            if n % 37 == 5 and bst(when):
                rec["_offset"] = {"at"}

    # ---- governance: meetings, audits, reviews ----------------------------------------
    def meeting(self, mid, kind, held, attendees, owner, approver, decisions, inputs=None, **links):
        doc = self.record_doc(f"DOC-MIN-{mid[4:]}", f"Minutes - {decisions.split('.')[0][:60]}" if kind == "other" else
                              f"Minutes - {kind.replace('_', ' ')} {held:%d %B %Y}" + (f" - {links.get('_label')}" if links.get('_label') else ""),
                              "minutes", owner, approver, weekday_on_or_after(held + timedelta(days=2)))
        links.pop("_label", None)
        return self.add("Meeting", id=mid, kind=kind, held_on=held, attendees=list(dict.fromkeys(attendees)),
                        inputs=list(inputs or []), decisions=decisions, minutes=doc["id"],
                        service=links.get("service"), customer=links.get("customer"), supplier=links.get("supplier"),
                        sla=links.get("sla"))

    def quarterly(self, day, months=((2025, 12), (2026, 3), (2026, 6), (2026, 9))):
        out, prev = [], PERIOD_START
        for y, m in months:
            dd = weekday_on_or_before(date(y, m, min(day, 28)))
            while dd > add_months(prev, 3):
                dd = weekday_on_or_before(dd - timedelta(days=1))
            out.append(dd)
            prev = dd
        assert months_between_ok(out, 3), out
        return out

    def action(self, desc, owner, raised, due, status="done", raised_in=None, objective=None, completed=None):
        n = len(self.d["Action"]) + 1
        if status == "done" and completed is None:
            completed = min(due, raised + timedelta(days=self.r.randint(5, max(5, (due - raised).days))))
            completed = min(completed, AS_OF)
        return self.add("Action", id=f"ACT-{n:04d}", description=desc, owner=owner, raised_on=raised, raised_in=raised_in,
                        due_on=due, completed_on=completed if status == "done" else None, status=status, objective=objective)["id"]

    def meetings(self):
        r = self.r
        d = date
        chs = self.d["Change"]
        # CAB
        for cab in self.CAB_DATES:
            appr = [c["id"] for c in chs if c["approval_authority"] == "cab" and c["approved_on"] == cab]
            rej = [c["id"] for c in chs if c["status"] == "rejected"
                   and min(x for x in self.CAB_DATES if x > c["requested_on"]) == cab]
            text = f"Approved: {', '.join(appr) if appr else 'none'}."
            if rej:
                text += f" Rejected: {', '.join(rej)} (risk not acceptable)."
            text += " Forward schedule of change reviewed; failed changes of the month reviewed."
            self.meeting(f"MTG-CAB-{cab:%Y-%m}", "cab", cab, CAB + (["PER009"] if cab.month % 3 == 0 else []), "PER008", "PER005", text)
        for c in chs:
            if c["approval_authority"] == "ecab":
                self.meeting(f"MTG-ECAB-{c['id']}", "ecab", c["approved_on"], c["approved_by"] + ["PER028"], "PER008", "PER005",
                             f"Emergency change {c['id']} approved: {c['title']}.")
        # management reviews
        prs = PROCESSES
        mr_att = TOP + ["PER005", "PER006", "PER007", "PER008", "PER010", "PER015"]
        for mid, held in [("MTG-MR-2025-07", d(2025, 7, 29)), ("MTG-MR-2026-01", d(2026, 1, 28)), ("MTG-MR-2026-07", d(2026, 7, 22))]:
            m = self.meeting(mid, "management_review", held, mr_att + (["PER011", "PER013"] if held.month == 7 else ["PER014"]),
                             "PER005", "PER001",
                             "Reviewed all management review inputs; decisions on resources, improvements and risk treatment recorded below.",
                             inputs=MR_INPUTS)
            if held < PERIOD_START:
                doc = self.get("Document", m["minutes"])
                doc["last_reviewed_on"] = d(2026, 1, 28)
        self.mark["D10"] = [("Meeting", "MTG-MR-2026-01"), ("Meeting", "MTG-MR-2026-07")]
        self.action("Prepare business case for hosting platform refresh", "PER020", d(2025, 7, 29), d(2025, 10, 31),
                    raised_in="MTG-MR-2025-07")
        self.action("Recruit two additional service desk analysts", "PER007", d(2025, 7, 29), d(2025, 12, 19), raised_in="MTG-MR-2025-07")
        self.action("Extend internal audit pool with one more trained auditor", "PER006", d(2025, 7, 29), d(2025, 11, 28),
                    raised_in="MTG-MR-2025-07")
        for desc, owner, due, obj in [("Launch quarterly supplier scorecards for high-criticality suppliers", "PER011", d(2026, 4, 30), "OBJ-08"),
                                      ("Fund the hosting refresh from the FY2026 capital budget", "PER003", d(2026, 2, 27), None),
                                      ("Add customer satisfaction trend to monthly service reports", "PER010", d(2026, 3, 31), "OBJ-02"),
                                      ("Review SOC continuity arrangements after the supplier change", "PER014", d(2026, 6, 30), None)]:
            self.action(desc, owner, d(2026, 1, 28), due, raised_in="MTG-MR-2026-01", objective=obj)
        for desc, owner, due, st in [("Approve Hosted Voice pilot scope and budget", "PER002", d(2026, 9, 15), "done"),
                                     ("Review backup architecture after the July major incident", "PER021", d(2026, 9, 30), "done"),
                                     ("Plan the move to ISO/IEC 20000-1 recertification audit in 2027", "PER005", d(2026, 12, 15), "open")]:
            self.action(desc, owner, d(2026, 7, 22), due, status=st, raised_in="MTG-MR-2026-07")
        # customer reviews
        for i, (cus, name, kind, am) in enumerate(CUSTOMERS):
            svcs = [s for s, cs in SLA_PAIRS.items() if cus in cs]
            for held in self.quarterly(6 + 3 * i):
                owners = [SERVICE_OWNER[s] for s in svcs[:2]]
                self.meeting(f"MTG-CR-{SHORT[cus]}-{held:%Y-%m}", "customer_review", held, [am, "PER010"] + owners, am, "PER010",
                             f"Quarterly review with {name}: performance against SLAs, complaints, satisfaction and upcoming changes.",
                             customer=cus, _label=name)
        # service reviews
        for i, svc in enumerate(LIVE):
            slas = [s["id"] for s in self.d["SLA"] if s["service"] == svc and s["status"] == "agreed"]
            for held in self.quarterly(12 + 2 * i):
                self.meeting(f"MTG-SVR-{svc[4:]}-{held:%Y-%m}", "service_review", held,
                             [SERVICE_OWNER[svc], "PER010", "PER013", "PER007"], SERVICE_OWNER[svc], "PER010",
                             f"Service review of {SERVICE_NAME[svc]}: targets, incidents, changes, capacity and risks.",
                             service=svc, sla=slas[0] if svc == "SVC-SOC" else None, _label=SERVICE_NAME[svc])
        # supplier reviews
        for i, (sid, name, kind, active, svcs, mgr, crit) in enumerate(SUPPLIERS):
            if sid == "SUP-OLDGATE":
                dates = [d(2025, 12, 10), d(2026, 3, 25)]
            elif sid == "SUP-TIDEWATER":
                dates = [d(2026, 1, 20)] + self.quarterly(18)[1:]
            else:
                dates = self.quarterly(15 + i)
            for held in dates:
                self.meeting(f"MTG-SUP-{sid[4:]}-{held:%Y-%m}", "supplier_review", held, [mgr, "PER011", SERVICE_OWNER[svcs[0]]],
                             mgr, "PER011", f"Supplier review with {name}: performance against contract, disputes, risks and changes.",
                             supplier=sid, _label=name)
        # an operational meeting of another kind
        self.meeting("MTG-OTH-2026-10", "other", d(2026, 10, 21), ["PER009", "PER007", "PER008", "PER028"], "PER009", "PER005",
                     "Monthly problem review. Problem backlog, known errors and trend of recurring incidents reviewed.")

    def audits(self):
        d = date
        plan = [
            ("IA-2025-11", d(2025, 11, 18), d(2025, 11, 19), ["incident_management", "service_request_management", "problem_management"], ["PER006", "PER026"]),
            ("IA-2026-01", d(2026, 1, 20), d(2026, 1, 21), ["change_management", "release_and_deployment_management", "service_design_and_transition",
                                                             "configuration_management", "asset_management"], ["PER009", "PER027"]),
            ("IA-2026-03", d(2026, 3, 17), d(2026, 3, 18), ["service_level_management", "business_relationship_management",
                                                             "service_catalogue_management", "service_portfolio"], ["PER006", "PER009"]),
            ("IA-2026-05", d(2026, 5, 19), d(2026, 5, 20), ["supplier_management", "budgeting_and_accounting", "demand_management",
                                                             "capacity_management"], ["PER026", "PER009"]),
            ("IA-2026-07", d(2026, 7, 7), d(2026, 7, 8), ["service_availability_management", "service_continuity_management",
                                                           "information_security_management"], ["PER006", "PER027"]),
            ("IA-2026-09", d(2026, 9, 15), d(2026, 9, 16), [], ["PER026", "PER009"]),
        ]
        for aid, planned, performed, procs, auditors in plan:
            scope = ("Clauses 4 to 7, 9 and 10 of ISO/IEC 20000-1:2018: context, leadership, planning, support, "
                     "performance evaluation and improvement") if not procs else \
                "Processes: " + ", ".join(PROCESS_INFO[p][1] for p in procs)
            rep = self.record_doc(f"DOC-AUDREP-{aid}", f"Internal audit report {aid}", "audit_report", auditors[0], "PER005",
                                  weekday_on_or_after(performed + timedelta(days=7)))
            owners = sorted({PROCESS_INFO[p][2] for p in procs})
            self.add("InternalAudit", id=aid, planned_on=planned, performed_on=performed, status="done", processes=procs,
                     auditors=auditors, criteria="ISO/IEC 20000-1:2018 and the Northwind SMS documents for the audited scope",
                     report=rep["id"], reported_to=["PER002", "PER005"] + owners, scope=scope)
        self.add("InternalAudit", id="IA-2026-12", planned_on=d(2026, 12, 8), performed_on=None, status="planned",
                 processes=["incident_management", "change_management"], auditors=["PER006", "PER026"],
                 criteria="ISO/IEC 20000-1:2018 clauses 8.5.1 and 8.6.1", report=None, reported_to=[],
                 scope="Follow-up audit of incident and change management")
        self.mark["D07"] = ("InternalAudit", "IA-2025-11")

    def nonconformities(self):
        d = date
        A = self.action
        ncs = [
            ("NC-2025-001", "internal_audit", "IA-2025-11", "8.6.1", d(2025, 11, 27), "minor",
             "Four of 25 sampled incidents had no category recorded at closure.",
             "The closure form allowed an empty category after a tool upgrade.", "The four incidents were categorised.",
             [("Make category mandatory at closure in the ITSM tool", "PER028", d(2025, 12, 19))],
             "closed", d(2026, 1, 9), d(2026, 3, 2)),
            ("NC-2026-001", "internal_audit", "IA-2026-01", "8.5.1.3", d(2026, 1, 28), "minor",
             "The standard change catalogue had not been reviewed for 14 months.",
             "No owner or review date was set for the catalogue.", "Catalogue reviewed and re-approved.",
             [("Assign owner and yearly review date to the standard change catalogue", "PER008", d(2026, 2, 27))],
             "closed", d(2026, 2, 27), d(2026, 4, 30)),
            ("NC-2026-002", "internal_audit", "IA-2026-03", "8.3.3", d(2026, 3, 25), "minor",
             "The yearly review of one SLA had no evidence of customer participation.",
             "The SLA review template had no attendee section.", "Review repeated with the customer.",
             [("Add attendee and sign-off section to the SLA review template", "PER010", d(2026, 4, 24))],
             "closed", d(2026, 4, 30), d(2026, 7, 1)),
            ("NC-2026-003", "complaint", None, "8.3.2", d(2026, 4, 9), "minor",
             "A customer complaint was not acknowledged within the two working days set by the process.",
             "The complaints mailbox was not monitored during holidays.", "Complaint acknowledged and investigated.",
             [("Route the complaints mailbox to the service desk queue", "PER010", d(2026, 4, 30))],
             "closed", d(2026, 5, 8), d(2026, 8, 7)),
            ("NC-2026-004", "incident", None, "8.1", d(2026, 7, 21), "major",
             "A storage snapshot corrupted the backup catalogue and stopped backups for all customers (major incident).",
             "Snapshots were not coordinated with the backup application.", "Catalogue rebuilt and backups restored.",
             [("Quiesce the backup catalogue before storage snapshots", "PER021", d(2026, 8, 28)),
              ("Add backup application checks to the snapshot runbook", "PER043", d(2026, 8, 31))],
             "closed", d(2026, 9, 4), d(2026, 10, 16)),
            ("NC-2026-005", "external_audit", None, "7.2", d(2026, 5, 28), "minor",
             "Change training records of two CAB members could not be shown during the surveillance audit.",
             "Training records were kept in personal mailboxes.", "Records located and filed in the LMS.",
             [("Move all competence evidence into the LMS", "PER006", d(2026, 6, 30))],
             "closed", d(2026, 6, 30), d(2026, 9, 29)),
            ("NC-2026-006", "internal_audit", "IA-2026-07", "8.7.2", d(2026, 7, 15), "minor",
             "The security monitoring continuity plan describes invocation but not the return to normal operation.",
             "The plan was written from the supplier's template, which lacks that section.", "Interim return steps issued as a memo.",
             [("Draft the return-to-normal section with the supplier", "PER014", d(2026, 9, 30)),
              ("Exercise the return-to-normal steps in the next SOC test", "PER022", d(2026, 12, 11))],
             "open", None, None),
            ("NC-2026-007", "internal_audit", "IA-2026-09", "9.1", d(2026, 9, 23), "minor",
             "Measurements of one objective were recorded without the date they were evaluated.",
             "The objectives tracker had no evaluation column.", "Missing dates added from the meeting minutes.",
             [("Add evaluation date column to the objectives tracker", "PER005", d(2026, 12, 15))],
             "open", None, None),
            ("NC-2026-008", "review", None, "6.1", d(2026, 1, 28), "minor",
             "Three risks had not been reassessed for more than the three months set in the risk criteria.",
             "The monthly risk review had been skipped during the December change freeze.", "Risks reassessed.",
             [("Add the risk review to the SMS calendar with a deputy", "PER005", d(2026, 2, 27))],
             "closed", d(2026, 3, 6), d(2026, 6, 5)),
        ]
        for nid, src, audit, clause, raised, grade, desc, root, corr, acts, status, closed, eff in ncs:
            ids = []
            for j, (text, owner, due) in enumerate(acts):
                st = "done"
                if status == "open" and due > AS_OF:
                    st = "open"
                ids.append(A(text, owner, raised + timedelta(days=1), due, status=st))
            self.add("Nonconformity", id=nid, source=src, audit=audit, clause=clause, description=desc, raised_on=raised,
                     grade=grade, root_cause=root, correction=corr, actions=ids, status=status, closed_on=closed,
                     effectiveness_reviewed_on=eff)
            if nid == "NC-2026-006":
                self.mark["D09"] = ("Action", ids[1])
        self.mark["D19"] = ("Nonconformity", "NC-2026-004")

    def improvements_complaints(self):
        d = date
        imps = [
            ("Self-service password reset for all customers", "customer feedback", d(2025, 11, 20), "high", "PER002", "done", d(2026, 3, 13), d(2026, 5, 15), "OBJ-06"),
            ("Automated major incident notifications to customers", "major incident review", d(2025, 12, 15), "high", "PER002", "done", d(2026, 2, 20), d(2026, 4, 17), None),
            ("Monthly supplier scorecards", "management review", d(2026, 1, 28), "medium", "PER005", "done", d(2026, 4, 24), d(2026, 7, 10), "OBJ-08"),
            ("Capacity dashboards shared with customers", "customer review", d(2026, 2, 9), "medium", "PER005", "done", d(2026, 5, 29), d(2026, 8, 14), None),
            ("Knowledge article quality checks", "internal audit", d(2026, 3, 25), "low", "PER005", "done", d(2026, 6, 19), d(2026, 9, 18), "OBJ-01"),
            ("Shift-left of common requests to the portal", "staff suggestion", d(2026, 4, 14), "medium", "PER005", "in_progress", None, None, "OBJ-06"),
            ("Immutable backup copies for all customers", "risk assessment", d(2026, 7, 22), "high", "PER003", "in_progress", None, None, None),
            ("Phishing simulation programme", "security incident trend analysis", d(2026, 3, 30), "medium", "PER005", "done", d(2026, 7, 31), d(2026, 10, 9), "OBJ-05"),
            ("Automated CMDB discovery for network devices", "configuration audit", d(2026, 4, 29), "medium", "PER005", "in_progress", None, None, None),
            ("Change success dashboard for the CAB", "change trend analysis", d(2026, 6, 9), "low", "PER005", "done", d(2026, 8, 7), d(2026, 10, 2), "OBJ-03"),
            ("Customer portal satisfaction pulse after each ticket", "customer satisfaction survey", d(2026, 10, 12), "medium", "PER005", "approved", None, None, "OBJ-02"),
            ("Reduce SIEM ingestion latency with a second pipeline", "problem review", d(2026, 9, 21), "high", "PER004", "approved", None, None, None),
        ]
        for i, (title, src, raised, prio, appr, status, done, evald, obj) in enumerate(imps):
            self.add("Improvement", id=f"IMP-{i + 1:04d}", title=title, source=src, raised_on=raised, priority=prio,
                     approved_by=appr, approved_on=weekday_on_or_after(raised + timedelta(days=7)), objective=obj, status=status,
                     completed_on=done, evaluated_on=evald)
        comps = [
            ("CUS-HARBOUR", "SVC-DESK", d(2025, 12, 4), "Callbacks on urgent tickets took longer than promised during the firewall issues."),
            ("CUS-FENWICK", "SVC-HOST", d(2026, 2, 19), "Not informed quickly enough about the storage outage of 17 February."),
            ("CUS-CALDER", "SVC-EXCH", d(2026, 4, 7), "Mailbox export handover after the Exchange retirement was late."),
            ("CUS-ELMWOOD", "SVC-BACKUP", d(2026, 7, 16), "Backups of the practice systems were missed on 14 July."),
            ("CUS-BRIGHTWATER", "SVC-M365", d(2026, 8, 25), "New staff accounts for the new school year were created late."),
            ("CUS-HARBOUR", "SVC-M365", d(2026, 5, 7), "Whole company locked out of email for two hours."),
        ]
        for i, (cus, svc, rcv, desc) in enumerate(comps):
            inv = weekday_on_or_after(rcv + timedelta(days=1 + i % 3))
            res = weekday_on_or_after(inv + timedelta(days=6 + i))
            act = self.action(f"Respond to complaint CMP-{i + 1:04d} and fix its cause", self.get("Customer", cus)["account_manager"],
                              rcv, res + timedelta(days=10), completed=res)
            self.add("Complaint", id=f"CMP-{i + 1:04d}", customer=cus, service=svc, received_on=rcv, description=desc,
                     status="closed" if res < d(2026, 9, 30) else "resolved", investigated_on=inv, resolved_on=res, action=act)

    # ---- planning --------------------------------------------------------------------
    def planning(self):
        d = date
        r = self.r
        risks = [
            ("Loss of key staff in the service desk", "sms", "PER007", 3, 3, "mitigate", "treating", ["SVC-DESK"]),
            ("SMS processes not followed during peak workload", "sms", "PER005", 2, 3, "mitigate", "treating", []),
            ("Insufficient internal auditor capacity", "sms", "PER006", 2, 2, "accept", "accepted", []),
            ("SLA breach for Harbour ERP during month end", "service", "PER020", 3, 4, "mitigate", "closed", ["SVC-HOST"]),
            ("Service desk call volume exceeds staffing in September", "service", "PER007", 4, 2, "mitigate", "treating", ["SVC-DESK"]),
            ("Customer churn due to price competition", "service", "PER024", 2, 4, "accept", "accepted", []),
            ("Ransomware affecting customer hosted servers", "security", "PER015", 3, 5, "mitigate", "treating", ["SVC-HOST", "SVC-BACKUP"]),
            ("Compromise of administrator accounts", "security", "PER015", 2, 5, "mitigate", "treating", ["SVC-M365", "SVC-NET"]),
            ("Data breach through lost laptops", "security", "PER022", 3, 3, "mitigate", "closed", ["SVC-DESK"]),
            ("Phishing leading to mailbox takeover", "security", "PER022", 4, 3, "mitigate", "treating", ["SVC-M365"]),
            ("Datacentre supplier insolvency", "supplier", "PER011", 1, 5, "transfer", "open", ["SVC-HOST", "SVC-BACKUP", "SVC-NET"]),
            ("Licensing price increase from the CSP", "supplier", "PER029", 4, 2, "accept", "accepted", ["SVC-M365"]),
            ("SIEM supplier fails to meet detection targets", "supplier", "PER011", 2, 4, "mitigate", "treating", ["SVC-SOC"]),
            ("Loss of the primary datacentre", "continuity", "PER014", 1, 5, "mitigate", "treating", ["SVC-HOST", "SVC-BACKUP", "SVC-NET"]),
            ("Office unavailable (power, access)", "continuity", "PER014", 2, 3, "mitigate", "closed", ["SVC-DESK"]),
            ("Single SIP carrier for desk telephony", "continuity", "PER028", 3, 3, "mitigate", "treating", ["SVC-DESK"]),
            ("Storage array failure causing hosting outage", "availability", "PER013", 2, 4, "mitigate", "treating", ["SVC-HOST"]),
            ("Single internet carrier for both transit circuits", "availability", "PER019", 2, 4, "avoid", "closed", ["SVC-NET"]),
            ("Backup window overruns as data grows", "availability", "PER021", 3, 3, "mitigate", "treating", ["SVC-BACKUP"]),
            ("Climate-related flooding at the Reading office", "other", "PER057", 1, 3, "accept", "accepted", ["SVC-DESK"]),
            ("New UK cyber security regulation for managed service providers", "other", "PER015", 3, 3, "mitigate", "open", []),
            ("Opportunity: hosted voice adds recurring revenue from existing customers", "service", "PER023", 3, 3, "accept", "accepted", ["SVC-VOICE"]),
            ("Opportunity: automation of standard changes", "sms", "PER008", 3, 2, "mitigate", "treating", []),
            ("Tidewater onboarding delays the voice pilot", "supplier", "PER029", 2, 2, "mitigate", "open", ["SVC-VOICE"]),
        ]
        for i, (title, cat, owner, lik, imp, treat, status, svcs) in enumerate(risks):
            rid = f"RSK-{i + 1:03d}"
            identified = self.rand_date(d(2023, 1, 9), d(2026, 6, 30))
            acts = []
            if treat in ("mitigate", "transfer", "avoid"):
                raised = max(identified, d(2025, 11, 3))
                due = raised + timedelta(days=r.randint(40, 200))
                if status == "closed":
                    due = min(due, d(2026, 9, 30))
                done = due <= AS_OF
                acts.append(self.action(f"Treatment for {rid}: {title.lower()}", owner, raised, due,
                                        status="done" if done else "open"))
            accepted_by = r.choice(["PER002", "PER003"]) if treat == "accept" else None
            assessed = d(2026, 10, 6) if i % 4 else self.rand_date(d(2026, 8, 3), d(2026, 9, 30))
            self.add("Risk", id=rid, title=title, category=cat, owner=owner, identified_on=identified, likelihood=lik,
                     impact=imp, treatment=treat, status=status, last_assessed_on=assessed, accepted_by=accepted_by,
                     actions=acts, services=svcs)
        self.mark["D16"] = ("Risk", "RSK-012")
        self.mark["E2"] = ("Risk", "RSK-005")
        controls = [
            ("A.5.1", "Policies for information security", "PER015", ["RSK-002"]),
            ("A.5.7", "Threat intelligence", "PER022", ["RSK-007", "RSK-010"]),
            ("A.5.15", "Access control", "PER015", ["RSK-008"]),
            ("A.5.19", "Information security in supplier relationships", "PER011", ["RSK-011", "RSK-013"]),
            ("A.5.23", "Information security for use of cloud services", "PER018", ["RSK-008"]),
            ("A.5.24", "Information security incident management planning and preparation", "PER022", ["RSK-007"]),
            ("A.5.29", "Information security during disruption", "PER014", ["RSK-014"]),
            ("A.5.30", "ICT readiness for business continuity", "PER014", ["RSK-014", "RSK-016"]),
            ("A.6.3", "Information security awareness, education and training", "PER057", ["RSK-010"]),
            ("A.7.2", "Physical entry", "PER057", ["RSK-015"]),
            ("A.8.1", "User endpoint devices", "PER018", ["RSK-009"]),
            ("A.8.2", "Privileged access rights", "PER015", ["RSK-008"]),
            ("A.8.5", "Secure authentication", "PER015", ["RSK-008", "RSK-010"]),
            ("A.8.7", "Protection against malware", "PER022", ["RSK-007"]),
            ("A.8.8", "Management of technical vulnerabilities", "PER020", ["RSK-007"]),
            ("A.8.13", "Information backup", "PER021", ["RSK-007", "RSK-019"]),
            ("A.8.15", "Logging", "PER022", ["RSK-013"]),
            ("A.8.16", "Monitoring activities", "PER022", ["RSK-013"]),
            ("A.8.20", "Networks security", "PER019", ["RSK-008"]),
            ("A.8.24", "Use of cryptography", "PER015", ["RSK-009"]),
            ("A.8.32", "Change management", "PER008", ["RSK-002"]),
        ]
        for i, (ref, name, owner, rs) in enumerate(controls):
            self.add("SecurityControl", id=f"CTL-{ref[2:].replace('.', '-')}", name=name, reference=f"ISO/IEC 27001:2022 {ref}",
                     owner=owner, implemented=True, last_reviewed_on=self.rand_date(d(2026, 1, 12), d(2026, 10, 16)), risks=rs)
        self.mark["D18"] = ("SecurityControl", "CTL-8-15")

    def objectives(self):
        d = date
        r = self.r
        objs = [
            ("OBJ-01", "Resolve incidents within their SLA target", "incident_management", "Incidents resolved within target / incidents resolved, per quarter", 95.0, "percent", "PER007"),
            ("OBJ-02", "Keep customer satisfaction high", "business_relationship_management", "Average survey score across customers", 4.0, "score (1-5)", "PER010"),
            ("OBJ-03", "Implement changes successfully", "change_management", "Changes not failed or backed out / implemented changes, per quarter", 90.0, "percent", "PER008"),
            ("OBJ-04", "Keep critical services available", "service_availability_management", "Average monthly availability of critical services", 99.8, "percent", "PER013"),
            ("OBJ-05", "Everyone completes security awareness training", "information_security_management", "Active staff with current awareness training", 100.0, "percent", "PER015"),
            ("OBJ-06", "Fulfil service requests on time", "service_request_management", "Requests fulfilled within target / requests fulfilled, per quarter", 90.0, "percent", "PER007"),
            ("OBJ-07", "Every known error has a published workaround", "problem_management", "Known errors with workaround / known errors", 100.0, "percent", "PER009"),
            ("OBJ-08", "Review every active supplier each quarter", "supplier_management", "Active suppliers reviewed in the quarter / active suppliers", 100.0, "percent", "PER011"),
        ]
        quarters = [(d(2025, 11, 1), d(2026, 1, 31)), (d(2026, 2, 1), d(2026, 4, 30)), (d(2026, 5, 1), d(2026, 7, 31)), (d(2026, 8, 1), d(2026, 10, 31))]
        incs = self.d["Incident"]
        chs = self.d["Change"]
        srs = self.d["ServiceRequest"]
        plans = {"OBJ-01": "Weekly breach review of incidents close to their target", "OBJ-02": "Act on survey comments in each customer review",
                 "OBJ-03": "Peer review of implementation plans for high-risk changes", "OBJ-04": "Remove single points of failure found in the availability plan",
                 "OBJ-05": "Monthly reminders and manager follow-up of overdue awareness training", "OBJ-06": "Automate the five most frequent requests",
                 "OBJ-07": "Publish every workaround as a knowledge article within 5 days", "OBJ-08": "Quarterly supplier review calendar owned by the supplier manager"}
        for oid, title, proc, measure, target, unit, owner in objs:
            due = d(2026, 6, 30) if oid in ("OBJ-01", "OBJ-03", "OBJ-05", "OBJ-07", "OBJ-08") else d(2027, 3, 31)
            self.action(f"Plan for {oid}: {plans[oid]}", owner, d(2025, 11, 12), due,
                        status="done" if due <= AS_OF else "open", objective=oid)
            self.add("Objective", id=oid, title=title, process=proc, measure=measure, target=target, unit=unit, owner=owner,
                     due_on=d(2026, 10, 31) if oid in ("OBJ-05", "OBJ-08") else d(2027, 10, 31),
                     status="achieved" if oid in ("OBJ-05", "OBJ-08") else "on_track", communicated=True)
            for q, (a, b) in enumerate(quarters):
                if oid == "OBJ-01":
                    pop = [i for i in incs if i["resolved_at"] and a <= local_date(i["resolved_at"]) <= b]
                    val = 100.0 * sum(1 for i in pop if i["sla_met"]) / len(pop)
                elif oid == "OBJ-03":
                    pop = [c for c in chs if c["implemented_on"] and a <= local_date(c["implemented_on"]) <= b]
                    val = 100.0 * sum(1 for c in pop if c["outcome"] in ("successful", "partially_successful")) / len(pop)
                elif oid == "OBJ-06":
                    pop = [s for s in srs if s["fulfilled_at"] and a <= local_date(s["fulfilled_at"]) <= b]
                    val = 100.0 * sum(1 for s in pop if s["fulfilled_at"] <= s["target_fulfil_at"]) / len(pop)
                elif oid == "OBJ-02":
                    val = round(r.uniform(4.1, 4.5), 2)
                elif oid == "OBJ-04":
                    val = round(r.uniform(99.86, 99.97), 2)
                else:
                    val = 100.0
                val = round(val, 2)
                met = val >= target
                assert met, (oid, q, val)
                self.add("Measurement", id=f"MEAS-{oid}-Q{q + 1}", objective=oid, target=None, service=None, period_start=a,
                         period_end=b, value=val, met=met, evaluated_on=min(b + timedelta(days=7), AS_OF))
        # availability against each SLA's availability target, from the unplanned outages
        outages = [o for o in self.d["Outage"] if not o["planned"]]
        for sla in self.agreed_slas():
            tgt = next(t for t in self.d["ServiceTarget"] if t["sla"] == sla["id"] and t["metric"] == "availability")
            for m in month_starts():
                me = month_end(m)
                minutes = (me - m).days * 1440 + 1440
                down = sum((o["ended_at"] - o["started_at"]).total_seconds() / 60 for o in outages
                           if o["service"] == sla["service"] and m <= o["started_at"].date() <= me)
                val = round(100.0 * (1 - down / minutes), 3)
                met = val >= tgt["target_value"]
                assert met, (sla["id"], m, val)
                self.add("Measurement", id=f"MEAS-AV-{sla['id'][4:]}-{m:%Y-%m}", objective=None, target=tgt["id"],
                         service=sla["service"], period_start=m, period_end=me, value=val, met=met,
                         evaluated_on=me if me == AS_OF else weekday_on_or_after(me + timedelta(days=3)))

    # ---- context, awareness, communication, continuity -------------------------------
    def context(self):
        d = date
        issues = [
            ("Growing demand from customers for security services", "external"),
            ("Price pressure from hyperscaler-native competitors", "external"),
            ("New UK cyber security obligations for managed service providers", "external"),
            ("Customers moving workloads from private hosting to public cloud", "external"),
            ("Climate change: flood risk at the Reading office and rising energy costs at the datacentre", "external"),
            ("Shortage of experienced network engineers in the labour market", "external"),
            ("Dependence on a small number of senior engineers", "internal"),
            ("ITSM tool recently upgraded; staff still adapting workflows", "internal"),
            ("Hosting platform refresh completed; legacy hardware retired", "internal"),
            ("Group strategy to grow recurring revenue by 15% a year", "internal"),
            ("Hybrid working model for service desk staff", "internal"),
            ("Limited internal audit capacity", "internal"),
        ]
        for i, (desc, kind) in enumerate(issues):
            self.add("ContextIssue", id=f"CTX-{i + 1:03d}", description=desc, kind=kind,
                     reviewed_on=d(2026, 7, 15) if i % 3 else d(2026, 1, 20), recorded_in="DOC-CONTEXT")
        self.mark["D17"] = ("ContextIssue", "CTX-004")
        parties = [(name, "customer", "Service levels as agreed in the SLAs; timely and clear service reports; data protection")
                   for _, name, _, _ in CUSTOMERS]
        parties += [(s[1], "supplier" if s[2] != "customer_as_supplier" else "customer",
                     "Clear requirements, timely payment, forecast of volumes, named contacts") for s in SUPPLIERS]
        parties += [("Users at customer organisations", "user", "Easy ways to get help, fast restoration, status updates during incidents"),
                    ("Information Commissioner's Office", "regulator", "UK GDPR compliance; breach notification within 72 hours"),
                    ("Northwind employees", "staff", "Clear roles, training, manageable workload, safe working environment"),
                    ("Northwind Group Holdings plc board", "owner", "Profitable growth, ISO/IEC 20000-1 certification kept, controlled risk"),
                    ("Microsoft partner programme", "partner", "Certified staff numbers and customer consumption targets"),
                    ("Certification body", "other", "Access to evidence and people for surveillance and recertification audits")]
        for i, (name, kind, req) in enumerate(parties):
            self.add("InterestedParty", id=f"IP-{i + 1:03d}", name=name, kind=kind, requirements=req,
                     reviewed_on=d(2026, 7, 15) if i % 4 else d(2026, 1, 20))

    def awareness(self):
        d = date
        r = self.r
        acks = []
        for p in self.d["Person"]:
            if not p["active"]:
                continue
            acks.append((p["id"], "DOC-POL-SMS", self.rand_date(d(2026, 1, 19), d(2026, 2, 27))))
            acks.append((p["id"], "DOC-POL-ISEC", self.rand_date(d(2026, 3, 12), d(2026, 4, 24))))
            if p["roles"] and r.random() < 0.5:
                acks.append((p["id"], "DOC-OBJECTIVES", self.rand_date(d(2025, 11, 14), d(2025, 12, 19))))
            if "ROL-CAB" in p["roles"] or "ROL-ECAB" in p["roles"]:
                acks.append((p["id"], "DOC-POL-CHANGE", self.rand_date(d(2026, 9, 16), d(2026, 10, 2))))
        acks.sort(key=lambda a: (a[2], a[0], a[1]))
        for i, (pid, doc, when) in enumerate(acks):
            rec = self.add("Acknowledgement", id=f"ACK-{i + 1:04d}", person=pid, document=doc, acknowledged_on=when)
            if pid == "PER047" and doc == "DOC-POL-SMS":
                self.mark["D21"] = ("Acknowledgement", rec["id"])
        comms = [
            (d(2025, 11, 14), "internal", "All staff", "SMS objectives for FY2026 and the new service management plan", "Intranet and all-staff email", "PER002", ["DOC-OBJECTIVES", "DOC-PLAN-SMS"]),
            (d(2025, 11, 21), "internal", "Managers", "SMS communication plan for FY2026", "Email", "PER005", ["DOC-COMMS-PLAN"]),
            (d(2026, 1, 19), "internal", "All staff", "Service management policy v3.0 and updated SMS scope", "All-staff briefing and intranet", "PER001", ["DOC-POL-SMS", "DOC-SCOPE"]),
            (d(2026, 1, 21), "external", "All customers", "Our service management policy and scope", "Customer portal", "PER010", ["DOC-POL-SMS", "DOC-SCOPE"]),
            (d(2026, 1, 30), "internal", "All staff", "Outcomes of the January management review", "Intranet", "PER002", ["DOC-MIN-MR-2026-01"]),
            (d(2026, 3, 12), "internal", "All staff", "Information security policy v4.1", "All-staff email with read receipt in LMS", "PER015", ["DOC-POL-ISEC"]),
            (d(2026, 3, 16), "external", "Suppliers and customers", "Information security policy v4.1", "Email to supplier and customer contacts", "PER011", ["DOC-POL-ISEC"]),
            (d(2026, 6, 5), "internal", "Continuity team and service owners", "Datacentre continuity plan v5.0", "Email", "PER014", ["DOC-BCP-DC"]),
            (d(2026, 7, 24), "internal", "All staff", "Outcomes of the July management review", "Intranet", "PER002", ["DOC-MIN-MR-2026-07"]),
            (d(2026, 9, 4), "external", "All customers", "Updated service catalogue", "Customer portal and newsletter", "PER010", ["DOC-CATALOGUE"]),
            (d(2026, 9, 16), "internal", "CAB and engineers", "Change management policy reviewed, no changes", "Email", "PER008", ["DOC-POL-CHANGE"]),
        ]
        for cab in self.CAB_DATES:
            comms.append((cab + timedelta(days=1), "external", "Customer technical contacts",
                          f"Forward schedule of change {cab:%B %Y}", "Customer portal", "PER008", []))
        for inc in self.d["Incident"]:
            if inc["major"]:
                comms.append((local_date(inc["opened_at"]), "external", f"Customers of {SERVICE_NAME[inc['service']]}",
                              f"Major incident {inc['id']}: {inc['title']}", "Status page and email", "PER028", []))
        comms.sort(key=lambda c: c[0])
        for i, (when, direction, audience, subject, channel, by, about) in enumerate(comms):
            self.add("Communication", id=f"COM-{i + 1:04d}", direction=direction, audience=audience, subject=subject,
                     channel=channel, sent_on=when, sent_by=by, about=about)

    def continuity(self):
        d = date
        tests = [
            ("CT-2025-11-DC", "DOC-BCP-DC", d(2025, 11, 20), "walkthrough", "passed", 0, d(2025, 11, 27)),
            ("CT-2026-02-DESK", "DOC-BCP-DESK", d(2026, 2, 12), "simulation", "passed", 0, d(2026, 2, 19)),
            ("CT-2026-05-DC", "DOC-BCP-DC", d(2026, 5, 16), "full", "partially_passed", 2, d(2026, 5, 22)),
            ("CT-2026-06-SOC", "DOC-BCP-SOC", d(2026, 6, 16), "walkthrough", "passed", 0, d(2026, 6, 19)),
            ("CT-2026-09-DESK", "DOC-BCP-DESK", d(2026, 9, 10), "walkthrough", "passed", 0, d(2026, 9, 14)),
        ]
        for tid, plan, when, kind, result, issues, reviewed in tests:
            acts = []
            if result != "passed":
                acts.append(self.action("Shorten restore of the Harbour ERP VM from replica (exceeded RTO by 40 minutes)",
                                        "PER021", reviewed, d(2026, 6, 30)))
                acts.append(self.action("Add DNS failover step to the datacentre continuity plan", "PER014", reviewed, d(2026, 6, 12)))
            rep = self.record_doc(f"DOC-CTREP-{tid[3:]}", f"Continuity test report {tid}", "other", "PER014", "PER002",
                                  weekday_on_or_after(when + timedelta(days=3)))
            self.add("ContinuityTest", id=tid, plan=plan, tested_on=when, kind=kind, result=result, issues_found=issues,
                     actions=acts, report=rep["id"], reviewed_on=reviewed)
        self.mark["D06"] = ("ContinuityTest", "CT-2026-06-SOC")
        self.mark["E3"] = ("ContinuityTest", "CT-2025-11-DC")
        self.add("ContinuityInvocation", id="INV-2026-01", plan="DOC-BCP-DESK", invoked_on=d(2026, 1, 14),
                 reason="Power cut at the Reading office; service desk moved to home working for the day", ended_on=d(2026, 1, 14),
                 reviewed_on=d(2026, 1, 21))

    # ---- everything -------------------------------------------------------------------
    def build(self):
        self.people()
        self.training()
        self.documents()
        self.services()
        self.relationship()
        self.suppliers()
        self.configuration()
        self.changes()
        self.problems()
        self.incidents()
        self.finalize_changes_problems()
        self.sync_cmdb()
        self.outages()
        self.service_requests()
        self.service_reports()
        self.meetings()
        self.audits()
        self.nonconformities()
        self.improvements_complaints()
        self.planning()
        self.objectives()
        self.context()
        self.awareness()
        self.continuity()
        self.history()
        return self.d


# --------------------------------------------------------------------------------------
# Writing and reading bundles
# --------------------------------------------------------------------------------------

def fmt_decimal(v):
    s = ("%.6f" % v).rstrip("0").rstrip(".")
    return s if s not in ("", "-0") else "0"


def fmt_datetime(v, with_offset=False):
    if with_offset and bst(v):
        return (v + timedelta(hours=1)).strftime("%Y-%m-%dT%H:%M:%S") + "+01:00"
    return v.strftime("%Y-%m-%dT%H:%M:%SZ")


def to_text(f, v, rec):
    """CSV text of a value ('' when absent)."""
    raw = rec.get("_raw", {})
    if f.name in raw:
        return raw[f.name]
    if v is None or v == []:
        return ""
    if f.kind == "date":
        return v.isoformat()
    if f.kind == "datetime":
        return fmt_datetime(v, f.name in rec.get("_offset", ()))
    if f.kind == "bool":
        return "true" if v else "false"
    if f.kind == "decimal":
        return fmt_decimal(v)
    if f.kind == "int":
        return str(v)
    if f.kind == "list" or (f.kind == "ref" and f.many):
        return ";".join(v)
    return str(v)


def to_json(f, v, rec):
    raw = rec.get("_raw", {})
    if f.name in raw:
        return raw[f.name]
    if v is None:
        return None
    if f.kind in ("date", "datetime", "decimal"):
        t = to_text(f, v, rec)
        return float(t) if f.kind == "decimal" else t
    if f.kind == "list" or (f.kind == "ref" and f.many):
        return list(v)
    return v


def serialize(schema, data):
    """Returns {file name: (text, {record id: physical line})}."""
    out = {}
    for typ, fields in schema.types.items():
        recs = data.get(typ, [])
        lines = {}
        if typ in JSONL_TYPES:
            buf = []
            for n, rec in enumerate(recs):
                obj = {}
                for f in fields:
                    v = to_json(f, rec.get(f.name), rec)
                    if v is None or v == []:
                        if typ == "Meeting" and f.kind == "ref" and not f.many:
                            obj[f.name] = None      # explicit nulls in some records
                        continue
                    obj[f.name] = v
                buf.append(json.dumps(obj, ensure_ascii=False))
                lines[rec["id"]] = n + 1
            out[f"{typ}.jsonl"] = ("".join(l + "\n" for l in buf), lines)
        else:
            sio = io.StringIO()
            w = csv.writer(sio, lineterminator="\n")
            w.writerow([f.name for f in fields])
            line = 2
            for rec in recs:
                row = io.StringIO()
                csv.writer(row, lineterminator="\n").writerow([to_text(f, rec.get(f.name), rec) for f in fields])
                text = row.getvalue()
                sio.write(text)
                lines[rec["id"]] = line
                line += text.count("\n")
            out[f"{typ}.csv"] = (sio.getvalue(), lines)
    return out


_DT = re.compile(r"^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?$")


def parse_scalar(kind, s, enum_values=None):
    """Value of a text cell, or raises ValueError."""
    if kind == "text":
        return s
    s = s.strip()
    if kind == "int":
        return int(s)
    if kind == "decimal":
        return float(s)
    if kind == "bool":
        low = s.lower()
        if low in ("true", "yes", "1"):
            return True
        if low in ("false", "no", "0"):
            return False
        raise ValueError("bad bool")
    if kind == "date":
        if not re.match(r"^\d{4}-\d{2}-\d{2}$", s):
            raise ValueError("bad date")
        return date.fromisoformat(s)
    if kind == "datetime":
        m = _DT.match(s)
        if not m:
            raise ValueError("bad datetime")
        y, mo, dd, hh, mi, ss, off = m.groups()
        v = datetime(int(y), int(mo), int(dd), int(hh), int(mi), int(ss or 0))
        if off and off != "Z":
            sign = 1 if off[0] == "+" else -1
            off = off[1:].replace(":", "")
            v -= sign * timedelta(hours=int(off[:2]), minutes=int(off[2:]))
        return v
    if kind == "enum":
        low = s.lower()
        if low not in enum_values:
            raise LookupError(low)
        return low
    raise ValueError(kind)


def load_bundle(schema, files):
    """Reads serialized files back. Returns (data, provenance, quality issues)."""
    data, prov, quality = {}, {}, []
    for fname in sorted(files):
        typ, ext = fname.rsplit(".", 1)
        if typ not in schema.types:
            quality.append(("unknown-file", fname, "", ""))
            continue
        fields = {f.name: f for f in schema.types[typ]}
        rows = []
        text = files[fname][0]
        if ext == "csv":
            rd = csv.reader(io.StringIO(text))
            header = next(rd)
            for h in header:
                if h not in fields:
                    quality.append(("unknown-column", fname, h, ""))
            last = rd.line_num
            for cells in rd:
                rows.append((last + 1, dict(zip(header, cells))))
                last = rd.line_num
        else:
            for n, line in enumerate(text.split("\n")):
                if line.strip():
                    rows.append((n + 1, json.loads(line)))
        recs = []
        for line, raw in rows:
            rec = {}
            for name, val in raw.items():
                f = fields.get(name)
                if f is None:
                    continue
                if val is None or val == "" or val == []:
                    rec[name] = None
                    continue
                try:
                    if f.kind == "list" or (f.kind == "ref" and f.many):
                        items = val if isinstance(val, list) else [x.strip() for x in val.split(";") if x.strip()]
                        if f.kind == "ref":
                            rec[name] = [str(x) for x in items]
                        else:
                            ev = schema.enums.get(f.enum)
                            rec[name] = [parse_scalar("enum" if f.item == "enum" else f.item, str(x), ev) for x in items]
                    elif f.kind == "ref":
                        rec[name] = str(val)
                    elif isinstance(val, bool) and f.kind == "bool":
                        rec[name] = val
                    elif isinstance(val, (int, float)) and not isinstance(val, bool) and f.kind in ("int", "decimal"):
                        rec[name] = int(val) if f.kind == "int" else float(val)
                    else:
                        rec[name] = parse_scalar(f.kind, str(val), schema.enums.get(f.enum))
                except LookupError as e:
                    quality.append(("unknown-enum-value", f"{fname}:{line}", name, str(val)))
                    rec[name] = None
                except ValueError:
                    quality.append(("bad-value", f"{fname}:{line}", name, str(val)))
                    rec[name] = None
            for name in fields:
                rec.setdefault(name, [] if (fields[name].kind == "list" or fields[name].many) else None)
                if rec[name] is None and (fields[name].kind == "list" or fields[name].many):
                    rec[name] = []
            if rec["id"] in {r["id"] for r in recs}:
                quality.append(("duplicate-id", f"{fname}:{line}", "id", rec["id"]))
            recs.append(rec)
            prov[(typ, rec["id"])] = f"{fname}:{line}"
        data[typ] = recs
    ids = {t: {r["id"] for r in rs} for t, rs in data.items()}
    for typ, recs in data.items():
        for f in schema.types[typ]:
            if f.kind != "ref":
                continue
            for rec in recs:
                vals = rec[f.name] if f.many else ([rec[f.name]] if rec[f.name] else [])
                for v in vals:
                    if v not in ids.get(f.target, ()):
                        quality.append(("dangling-reference", prov[(typ, rec["id"])], f.name, v))
    return data, prov, quality


# --------------------------------------------------------------------------------------
# Conformance checks (what the conforming bundle must satisfy)
# --------------------------------------------------------------------------------------

def check_conformance(D):
    """Returns a sorted list of (code, type, id) for every invariant the data breaks."""
    V = set()

    def bad(code, typ, rid):
        V.add((code, typ, rid or "-"))

    idx = {t: {r["id"]: r for r in rs} for t, rs in D.items()}
    persons = idx["Person"]
    roles = idx["Role"]
    docs = D["Document"]
    tm = {p["id"] for p in D["Person"] if p["top_management"]
          or any(roles.get(r, {}).get("kind") == "top_management" for r in p["roles"])}
    holders = defaultdict(set)
    for p in D["Person"]:
        if p["active"]:
            for r in p["roles"]:
                holders[r].add(p["id"])
    authority = set(tm)
    for rid, role in roles.items():
        if role["kind"] in ("sms_owner", "process_owner"):
            authority |= holders[rid]
    cab = set().union(*(holders[r] for r, x in roles.items() if x["kind"] == "cab_member"))
    ecab = set().union(*(holders[r] for r, x in roles.items() if x["kind"] == "ecab_member"))

    def interval(rec):
        return rec.get("review_interval_months") or 12

    # ---- 7.5 documented information
    for kind in MANDATORY_DOC_KINDS:
        if not any(x["kind"] == kind and x["status"] == "approved" for x in docs):
            bad("doc.mandatory_kind_missing", "Document", kind)
    for x in docs:
        if x["status"] == "draft":
            continue
        if not x["owner"]:
            bad("doc.no_owner", "Document", x["id"])
        if not x["approved_by"] or not x["approved_on"]:
            bad("doc.not_approved", "Document", x["id"])
            continue
        if not set(x["approved_by"]) <= authority or x["owner"] in x["approved_by"]:
            bad("doc.approver_authority", "Document", x["id"])
        if x["kind"] in TOP_APPROVED_KINDS and not set(x["approved_by"]) <= tm:
            bad("doc.approver_not_top", "Document", x["id"])
        if x["published_on"] and x["approved_on"] > x["published_on"]:
            bad("doc.published_before_approval", "Document", x["id"])
        if (x["review_interval_months"] or x["kind"] in MANDATORY_DOC_KINDS) and not within_months(x["last_reviewed_on"], interval(x)):
            bad("doc.review_overdue", "Document", x["id"])
        if x["last_reviewed_on"] and x["last_reviewed_on"] < x["approved_on"]:
            bad("doc.review_before_approval", "Document", x["id"])
    for proc in PROCESSES:
        if not any(x["kind"] == "process" and x["status"] == "approved" and x["process"] == proc for x in docs):
            bad("process.no_document", "Document", proc)

    # ---- 5.3, 7.2, 7.3, 5.2.2
    for rid in roles:
        if not holders[rid]:
            bad("role.no_holders", "Role", rid)
    trs = defaultdict(list)
    for t in D["TrainingRecord"]:
        trs[(t["person"], t["competence"])].append(t)
    for p in D["Person"]:
        if not p["active"]:
            continue
        for rid in p["roles"]:
            for c in roles[rid]["required_competences"]:
                ok = any(t["completed_on"] and t["completed_on"] <= AS_OF and (t["expires_on"] is None or t["expires_on"] > AS_OF)
                         for t in trs[(p["id"], c)])
                if not ok:
                    bad("training.missing", "Person", p["id"])
    for r in D["Role"]:
        if holders[r["id"]] and not (r["responsibilities"] and r["documented_in"] and r["documented_in"] in idx["Document"]):
            bad("role.not_documented", "Role", r["id"])
    for p in D["Person"]:
        if not p["active"] and p["roles"]:
            bad("person.leaver_holds_role", "Person", p["id"])
    for kind in ("sms_policy", "information_security_policy"):
        cur = [x for x in docs if x["kind"] == kind and x["status"] == "approved"]
        if not cur:
            continue
        pol = max(cur, key=lambda x: x["approved_on"])
        for p in D["Person"]:
            if p["active"] and not any(a["person"] == p["id"] and a["document"] == pol["id"]
                                       and a["acknowledged_on"] and a["acknowledged_on"] >= pol["approved_on"]
                                       for a in D["Acknowledgement"]):
                bad("ack.missing", "Person", p["id"])
        if not any(pol["id"] in c["about"] and c["direction"] == "internal" and c["sent_on"] >= pol["approved_on"]
                   for c in D["Communication"]):
            bad("policy.not_communicated", "Document", pol["id"])

    # ---- 4.1, 4.2, 6.1, 6.2
    for x in D["ContextIssue"]:
        if not within_months(x["reviewed_on"], 12):
            bad("context.review_overdue", "ContextIssue", x["id"])
    for x in D["InterestedParty"]:
        if not within_months(x["reviewed_on"], 12) or not x["requirements"]:
            bad("party.review_overdue", "InterestedParty", x["id"])
    for x in D["Risk"]:
        if not within_months(x["last_assessed_on"], 12):
            bad("risk.assessment_overdue", "Risk", x["id"])
        if not (x["owner"] and x["treatment"] and x["status"] and x["likelihood"] and x["impact"]):
            bad("risk.incomplete", "Risk", x["id"])
        if (x["treatment"] == "accept" or x["status"] == "accepted") and x["accepted_by"] not in tm:
            bad("risk.accepted_not_by_top", "Risk", x["id"])
    for x in D["Objective"]:
        if not (x["measure"] and x["target"] is not None and x["owner"] and x["due_on"]):
            bad("objective.incomplete", "Objective", x["id"])
        elif x["status"] not in ("planned", "achieved", "missed") and not persons.get(x["owner"], {}).get("active"):
            bad("objective.owner_inactive", "Objective", x["id"])
        if not any(m["objective"] == x["id"] for m in D["Measurement"]):
            bad("objective.not_measured", "Objective", x["id"])

    # ---- 8.5 change, release, transition
    for c in D["Change"]:
        if c["status"] in ("implemented", "closed", "approved", "scheduled"):
            if not c["approved_by"] or not c["approved_on"]:
                bad("change.not_approved", "Change", c["id"])
            want = {"emergency": {"ecab"}, "standard": {"pre_approved"}, "normal": {"cab", "change_manager"},
                    "major": {"cab"}}[c["kind"]]
            if c["approval_authority"] not in want:
                bad("change.wrong_authority", "Change", c["id"])
            if c["approval_authority"] == "cab" and not set(c["approved_by"]) <= cab:
                bad("change.approver_not_cab", "Change", c["id"])
            if c["approval_authority"] == "ecab" and not set(c["approved_by"]) <= ecab:
                bad("change.approver_not_ecab", "Change", c["id"])
            if not c["impact_assessed"]:
                bad("change.not_assessed", "Change", c["id"])
            if c["requested_by"] in c["approved_by"]:
                bad("change.self_approved", "Change", c["id"])
            if not c["cis"] or not c["services"]:
                bad("change.no_cis", "Change", c["id"])
        if c["status"] in ("implemented", "closed"):
            if not c["implemented_on"]:
                bad("change.no_implementation_date", "Change", c["id"])
                continue
            impl = local_date(c["implemented_on"])
            if c["approved_on"] and c["approved_on"] > impl:
                bad("change.approved_after_implementation", "Change", c["id"])
            if c["kind"] != "standard" and not c["backout_plan"]:
                bad("change.no_backout_plan", "Change", c["id"])
            if not c["outcome"]:
                bad("change.no_outcome", "Change", c["id"])
            if c["outcome"] in ("failed", "backed_out") and not c["remediation"]:
                bad("change.no_remediation", "Change", c["id"])
            if (c["kind"] in ("major", "emergency") or c["outcome"] in ("failed", "backed_out")) and \
                    not (c["pir_on"] and c["pir_on"] > impl):
                bad("change.no_pir", "Change", c["id"])
            if c["tested_on"] and c["tested_on"] > impl:
                bad("change.tested_after", "Change", c["id"])
    for rel in D["Release"]:
        if rel["deployed_on"]:
            dd = local_date(rel["deployed_on"])
            if not (rel["tested_on"] and rel["tested_on"] < dd and rel["acceptance_criteria_met"] and rel["backout_plan"]
                    and rel["cmdb_updated"] and rel["approved_by"] and rel["approved_on"] and rel["approved_on"] <= dd
                    and (rel["baseline_on"] is None or rel["baseline_on"] <= dd)):
                bad("release.not_controlled", "Release", rel["id"])
    majors = {c["id"] for c in D["Change"] if c["kind"] == "major"}
    for st in D["ServiceTransition"]:
        if st["transitioned_on"]:
            if not (st["design_approved_on"] and st["design_approved_on"] < st["transitioned_on"]
                    and st["accepted_on"] and st["accepted_on"] <= st["transitioned_on"] and st["acceptance_criteria"]
                    and st["outcome"] and st["outcome_reported_on"] and st["outcome_reported_on"] >= st["transitioned_on"]):
                bad("transition.not_controlled", "ServiceTransition", st["id"])
        majors.discard(st["change"])
    for c in majors:
        bad("change.major_without_transition", "Change", c)

    # ---- 8.6 incidents, requests, problems
    incs = D["Incident"]
    for i in incs:
        if not (i["priority"] and i["service"] and i["opened_at"]):
            bad("incident.incomplete", "Incident", i["id"])
        if i["priority"] != i["impact"] + i["urgency"] - 1:
            bad("incident.priority_matrix", "Incident", i["id"])
        if i["status"] in ("resolved", "closed"):
            if not i["resolved_at"] or i["resolved_at"] < i["opened_at"]:
                bad("incident.bad_resolution_time", "Incident", i["id"])
            if not i["resolution"]:
                bad("incident.no_resolution", "Incident", i["id"])
            if i["status"] == "closed" and not (i["closed_at"] and i["resolved_at"] and i["closed_at"] >= i["resolved_at"]):
                bad("incident.bad_closure", "Incident", i["id"])
            if i["resolved_at"] and i["sla_met"] != (i["resolved_at"] <= i["target_resolve_at"]):
                bad("incident.sla_flag", "Incident", i["id"])
        if i["major"]:
            od = local_date(i["opened_at"])
            if not (i["top_management_informed_on"] and od <= i["top_management_informed_on"] <= od + timedelta(days=1)):
                bad("incident.major_top_management_not_informed", "Incident", i["id"])
            if i["status"] in ("resolved", "closed") and not (i["review_on"] and i["resolved_at"]
                                                             and i["review_on"] > local_date(i["resolved_at"])):
                bad("incident.major_not_reviewed", "Incident", i["id"])
        if i["security"] and not (i["category"] == "security" and i["assigned_to"] in SECURITY_HANDLERS and i["escalated"]):
            bad("incident.security_not_handled", "Incident", i["id"])
        for ci in i["cis"]:
            if ci in idx["ConfigurationItem"] and i["service"] not in idx["ConfigurationItem"][ci]["services"]:
                bad("incident.ci_not_of_service", "Incident", i["id"])
    # recurring incidents: within any 90 days, three or more on one CI and category must all have a problem
    # record, and no CI may collect three or more incidents without one
    by_cat, unlinked = defaultdict(list), defaultdict(list)
    for i in incs:
        for ci in i["cis"]:
            by_cat[(ci, (i["category"] or "").lower())].append(i)
            if not i["problem"]:
                unlinked[ci].append(i)
    for groups in (by_cat, unlinked):
        for key, lst in groups.items():
            lst.sort(key=lambda i: i["opened_at"])
            for a in range(len(lst) - 2):
                win = [x for x in lst[a:] if x["opened_at"] - lst[a]["opened_at"] <= timedelta(days=90)]
                if len(win) >= 3:
                    for x in win:
                        if not x["problem"]:
                            bad("incident.recurring_without_problem", "Incident", x["id"])
    res = [i for i in incs if i["resolved_at"]]
    if sum(1 for i in res if i["resolved_at"] <= i["target_resolve_at"]) < 0.95 * len(res):
        bad("incident.targets_missed", "Incident", None)
    srs = D["ServiceRequest"]
    for s in srs:
        if s["status"] in ("fulfilled", "closed") and not (s["fulfilled_at"] and s["fulfilled_at"] >= s["opened_at"]):
            bad("request.bad_fulfilment", "ServiceRequest", s["id"])
        if s["closed_at"] and s["fulfilled_at"] and s["closed_at"] < s["fulfilled_at"]:
            bad("request.bad_closure", "ServiceRequest", s["id"])
    ful = [s for s in srs if s["fulfilled_at"]]
    if sum(1 for s in ful if s["fulfilled_at"] <= s["target_fulfil_at"]) < 0.95 * len(ful):
        bad("request.targets_missed", "ServiceRequest", None)
    for p in D["Problem"]:
        if (p["status"] == "known_error" or p["known_error"]) and not (p["root_cause"] and p["workaround"]):
            bad("problem.known_error_incomplete", "Problem", p["id"])
        if p["status"] in ("resolved", "closed") and not (p["root_cause"] and p["resolved_on"]):
            bad("problem.resolved_incomplete", "Problem", p["id"])
        if p["status"] == "closed" and not p["closed_on"]:
            bad("problem.closed_incomplete", "Problem", p["id"])

    # ---- 8.2, 8.3, 8.4 services, agreements, suppliers, budgets
    slas = D["SLA"]
    for s in slas:
        if s["status"] == "agreed" and not (s["valid_to"] and s["valid_to"] >= AS_OF):
            bad("sla.agreed_but_expired", "SLA", s["id"])
        if s["status"] == "agreed" and not within_months(s["last_reviewed_on"], interval(s)):
            bad("sla.review_overdue", "SLA", s["id"])
        if s["status"] == "agreed" and not any(t["sla"] == s["id"] for t in D["ServiceTarget"]):
            bad("sla.no_targets", "SLA", s["id"])
    plans = defaultdict(set)
    for x in docs:
        if x["status"] == "approved":
            for svc in x["services"]:
                plans[x["kind"]].add(svc)
    for svc in D["Service"]:
        if svc["status"] == "pipeline" and svc["in_scope"] and svc["id"] not in plans["service_requirements"]:
            bad("service.no_service_requirements", "Service", svc["id"])
        if not (svc["status"] == "live" and svc["in_scope"]):
            continue
        sid = svc["id"]
        if not (svc["in_catalogue"] and svc["owner"]):
            bad("service.not_catalogued", "Service", sid)
        for kind, code in (("sms_scope", "scope.service_missing"), ("sms_plan", "plan.service_missing")):
            if any(x["kind"] == kind and x["status"] == "approved" and x["services"] and sid not in x["services"] for x in docs):
                bad(code, "Service", sid)
        if not any(x["kind"] == "knowledge_article" and x["status"] == "approved" and sid in x["services"] for x in docs):
            bad("knowledge.service_uncovered", "Service", sid)
        good = [s for s in slas if s["service"] == sid and s["status"] == "agreed" and s["valid_to"] and s["valid_to"] >= AS_OF]
        if not good:
            bad("service.no_valid_sla", "Service", sid)
        for kind in ("continuity_plan", "availability_plan", "capacity_plan", "service_requirements"):
            if sid not in plans[kind]:
                bad(f"service.no_{kind}", "Service", sid)
        if not any(b["service"] == sid and b["approved_by"] and b["approved_on"] and b["period_start"] <= PERIOD_START
                   and b["period_end"] >= PERIOD_END for b in D["Budget"]):
            bad("service.no_approved_budget", "Service", sid)
    for s in slas:
        if s["status"] != "agreed":
            continue
        for m in month_starts():
            me = month_end(m)
            reps = [r for r in D["ServiceReport"] if r["service"] == s["service"] and r["customer"] == s["customer"]
                    and r["period_start"] == m and r["period_end"] == me]
            if not reps:
                bad("report.missing", "SLA", s["id"])
            for r in reps:
                if not (r["issued_on"] and me <= r["issued_on"] <= me + timedelta(days=15)):
                    bad("report.late", "ServiceReport", r["id"])
    for b in D["Budget"]:
        if not (b["approved_by"] and b["approved_on"]):
            bad("budget.not_approved", "Budget", b["id"])
    for o in D["Outage"]:
        if not (o["investigated_on"] and o["investigated_on"] >= local_date(o["ended_at"])):
            bad("outage.not_investigated", "Outage", o["id"])
    for cus in D["Customer"]:
        if not persons.get(cus["account_manager"], {}).get("active"):
            bad("customer.no_account_manager", "Customer", cus["id"])
        if cus["kind"] == "external":
            n = [x for x in D["SatisfactionSurvey"] if x["customer"] == cus["id"] and PERIOD_START <= x["conducted_on"] <= AS_OF]
            if len(n) < 2:
                bad("customer.satisfaction_not_measured", "Customer", cus["id"])
        if not any(m["kind"] == "customer_review" and m["customer"] == cus["id"] and within_months(m["held_on"], 3)
                   for m in D["Meeting"]):
            bad("customer.not_reviewed", "Customer", cus["id"])
    for c in D["Complaint"]:
        if not (c["investigated_on"] and c["status"] in ("resolved", "closed") and c["resolved_on"] and c["action"]):
            bad("complaint.not_handled", "Complaint", c["id"])
    contracts = D["Contract"]
    for sup in D["Supplier"]:
        if not sup["active"]:
            continue
        want = "contract" if sup["kind"] == "external" else "agreement"
        ok = [c for c in contracts if c["supplier"] == sup["id"] and c["kind"] == want and c["status"] == "active"
              and c["start_on"] <= AS_OF <= c["end_on"]]
        if not ok:
            bad("supplier.no_active_contract", "Supplier", sup["id"])
        for c in ok:
            if not within_months(c["last_reviewed_on"], interval(c)):
                bad("contract.review_overdue", "Contract", c["id"])
        if not persons.get(sup["manager"], {}).get("active"):
            bad("supplier.no_manager", "Supplier", sup["id"])
        if not any(m["kind"] == "supplier_review" and m["supplier"] == sup["id"] and within_months(m["held_on"], 3)
                   for m in D["Meeting"]):
            bad("supplier.not_reviewed", "Supplier", sup["id"])
    for c in contracts:
        if c["status"] == "active" and c["end_on"] < AS_OF:
            bad("contract.active_but_ended", "Contract", c["id"])
    for x in D["Dispute"]:
        if x["status"] == "open":
            bad("dispute.open", "Dispute", x["id"])

    # ---- 8.2.6 configuration
    for ci in D["ConfigurationItem"]:
        if ci["status"] == "active":
            if not (ci["owner"] and ci["services"]):
                bad("ci.incomplete", "ConfigurationItem", ci["id"])
            if not within_months(ci["last_verified_on"], 12):
                bad("ci.not_verified", "ConfigurationItem", ci["id"])
    for a in D["Asset"]:
        if a["status"] not in ("disposed", "retired") and not persons.get(a["owner"], {}).get("active"):
            bad("asset.owner_inactive", "Asset", a["id"])
    if not any(PERIOD_START <= a["performed_on"] <= AS_OF for a in D["ConfigurationAudit"]):
        bad("ci.no_configuration_audit", "ConfigurationAudit", None)

    # ---- 8.7 continuity and security
    for x in docs:
        if x["kind"] == "continuity_plan" and x["status"] == "approved":
            if not any(t["plan"] == x["id"] and within_months(t["tested_on"], 12) for t in D["ContinuityTest"]):
                bad("continuity.plan_not_tested", "Document", x["id"])
    for t in D["ContinuityTest"]:
        if t["result"] in ("failed", "partially_passed") and not t["actions"]:
            bad("continuity.no_actions", "ContinuityTest", t["id"])
        if not t["reviewed_on"] or (t["tested_on"] and t["reviewed_on"] < t["tested_on"]):
            bad("continuity.not_reviewed", "ContinuityTest", t["id"])
    for x in D["SecurityControl"]:
        if not x["implemented"] or not within_months(x["last_reviewed_on"], 12):
            bad("control.not_reviewed", "SecurityControl", x["id"])

    # ---- 9.2 internal audit
    audits = D["InternalAudit"]
    owners_of = defaultdict(set)
    for rid, role in roles.items():
        if role["process"]:
            owners_of[role["process"]] |= holders[rid]
    for proc in PROCESSES:
        if not any(a["status"] == "done" and proc in a["processes"] and a["performed_on"]
                   and PERIOD_START <= a["performed_on"] <= AS_OF for a in audits):
            bad("audit.process_not_audited", "InternalAudit", proc)
    for a in audits:
        conflict = set(a["auditors"]) & set().union(*(owners_of[p] for p in a["processes"])) if a["processes"] else set()
        if conflict:
            bad("audit.auditor_not_independent", "InternalAudit", a["id"])
        if a["status"] == "done" and not (a["report"] and a["performed_on"] and set(a["reported_to"]) & tm):
            bad("audit.not_reported", "InternalAudit", a["id"])

    # ---- 9.3 management review
    mrs = [m for m in D["Meeting"] if m["kind"] == "management_review"]
    if not months_between_ok([m["held_on"] for m in mrs], 12):
        bad("review.interval", "Meeting", None)
    for m in mrs:
        if PERIOD_START <= m["held_on"] <= AS_OF:
            if set(MR_INPUTS) - set(m["inputs"]):
                bad("review.inputs_missing", "Meeting", m["id"])
            if not set(m["attendees"]) & tm or not m["minutes"]:
                bad("review.not_led", "Meeting", m["id"])
    for m in D["Meeting"]:
        if not m["minutes"]:
            bad("meeting.no_minutes", "Meeting", m["id"])

    # ---- 9.1 monitoring
    for m in D["Measurement"]:
        if PERIOD_START <= m["period_end"] <= add_months(AS_OF, -1) and not (m["evaluated_on"] and m["evaluated_on"] >= m["period_end"]):
            bad("measurement.not_evaluated", "Measurement", m["id"])

    # ---- 10
    acts = idx["Action"]
    for n in D["Nonconformity"]:
        if not (n["root_cause"] and n["correction"] and n["actions"]):
            bad("nc.incomplete", "Nonconformity", n["id"])
        if n["status"] == "closed":
            if not (n["closed_on"] and n["effectiveness_reviewed_on"]):
                bad("nc.closed_without_effectiveness_review", "Nonconformity", n["id"])
            if any(acts[a]["status"] == "open" for a in n["actions"] if a in acts):
                bad("nc.closed_with_open_actions", "Nonconformity", n["id"])
    for a in D["Action"]:
        if a["status"] == "done" and not (a["completed_on"] and a["completed_on"] <= a["due_on"]):
            bad("action.late", "Action", a["id"])
        if a["status"] == "open" and a["due_on"] < AS_OF:
            bad("action.overdue", "Action", a["id"])
    for x in D["Improvement"]:
        if x["status"] not in ("proposed", "rejected") and not (x["approved_by"] and x["approved_on"] and x["priority"]):
            bad("improvement.not_approved", "Improvement", x["id"])
        if x["status"] == "done" and not (x["completed_on"] and x["evaluated_on"]):
            bad("improvement.not_evaluated", "Improvement", x["id"])
    return sorted(V)


# --------------------------------------------------------------------------------------
# The nonconforming organisation: planted defects
# --------------------------------------------------------------------------------------

def plant_defects(data, mark):
    """Applies the planted defects to a copy of the conforming data. Returns the defect list
    (id, clause, [(type, id)], description, expected violations) and the evidence-quality list."""
    idx = {t: {r["id"]: r for r in rs} for t, rs in data.items()}

    def rec(key):
        typ, rid = mark[key]
        return idx[typ][rid]

    defects, quality = [], []

    def defect(did, clause, records, text, expect, rules=None):
        defects.append([did, clause, records, text, expect, rules])

    def get(typ, rid):
        return idx[typ][rid]

    c = rec("D01")
    impl = local_date(c["implemented_on"])
    c["approved_on"] = impl + timedelta(days=3)
    defect("D01", "8.5.1.3", [("Change", c["id"])],
           f"Normal change implemented on {impl} but approved by the change manager only on {c['approved_on']} (3 days later).",
           [("change.approved_after_implementation", "Change", c["id"])])
    c = rec("D02")
    c["approval_authority"] = "cab"
    defect("D02", "8.5.1.3", [("Change", c["id"])],
           "Emergency change recorded as approved by the CAB instead of the emergency CAB.",
           [("change.wrong_authority", "Change", c["id"])])
    i = rec("D03")
    i["top_management_informed_on"] = None
    defect("D03", "8.6.1", [("Incident", i["id"])],
           "Major incident with no record that top management was informed.",
           [("incident.major_top_management_not_informed", "Incident", i["id"])])
    x = rec("D04")
    x["last_reviewed_on"] = x["approved_on"]
    defect("D04", "7.5.3", [("Document", x["id"])],
           f"Change management policy last reviewed on {x['last_reviewed_on']}, more than 13 months before the audit date "
           "(review interval 12 months).",
           [("doc.review_overdue", "Document", x["id"])])
    x = rec("D05")
    x["end_on"] = date(2026, 8, 31)
    x["status"] = "expired"
    defect("D05", "8.3.4.1", [("Contract", x["id"])],
           "The only contract with an active external supplier (Kestrel Connectivity) ended on 2026-08-31; the supplier "
           "still delivers the transit circuits.",
           [("supplier.no_active_contract", "Supplier", x["supplier"])])
    x = rec("D06")
    x["tested_on"] = date(2025, 8, 21)
    defect("D06", "8.7.2", [("ContinuityTest", x["id"])],
           f"The security monitoring continuity plan {x['plan']} was last tested on 2025-08-21, over 14 months before the audit date.",
           [("continuity.plan_not_tested", "Document", x["plan"])])
    x = rec("D07")
    x["auditors"] = ["PER006", "PER009"]
    defect("D07", "9.2", [("InternalAudit", x["id"])],
           "PER009 (owner of problem management) is one of the auditors of an audit that covers problem management.",
           [("audit.auditor_not_independent", "InternalAudit", x["id"])])
    x = rec("D08")
    trio = [i for i in data["Incident"] if i["problem"] == x["id"]]
    assert len(trio) == 3 and all("CI-FW-CALDER-01" in i["cis"] for i in trio)
    for i in trio:
        i["problem"] = None
    data["Problem"] = [p for p in data["Problem"] if p["id"] != x["id"]]
    defect("D08", "8.6.3", [("Incident", i["id"]) for i in trio],
           "Three incidents on firewall CI-FW-CALDER-01 within 56 days (2026-08-17 to 2026-10-12), all in the 90 days before "
           "the audit date, and no problem record for them.",
           [("incident.recurring_without_problem", "Incident", i["id"]) for i in trio])
    x = rec("D09")
    x["due_on"] = date(2026, 9, 30)
    defect("D09", "10.1", [("Action", x["id"])],
           "Corrective action of NC-2026-006 still open, due 2026-09-30 (overdue at the audit date).",
           [("action.overdue", "Action", x["id"])])
    for typ, mid in mark["D10"]:
        idx[typ][mid]["kind"] = "other"
    defect("D10", "9.3", mark["D10"],
           "The January and July 2026 meetings were steering meetings, not management reviews: the latest management review "
           "is MTG-MR-2025-07 of 2025-07-29, 15 months before the audit date.",
           [("review.interval", "Meeting", "-")])
    x = rec("D11")
    data["TrainingRecord"] = [t for t in data["TrainingRecord"] if t["id"] != x["id"]]
    defect("D11", "7.2", [("Person", x["person"])],
           f"PER019 holds the CAB member role but has no training record for COMP-CHANGE (record {x['id']} removed).",
           [("training.missing", "Person", x["person"])])
    x = rec("D12")
    x["resolution"] = None
    defect("D12", "8.6.1", [("Incident", x["id"])], "Closed incident with no resolution recorded.",
           [("incident.no_resolution", "Incident", x["id"])])
    x = rec("D13")
    x["valid_to"] = date(2026, 9, 30)
    defect("D13", "8.3.3", [("SLA", x["id"])], "SLA still marked agreed although it was valid only until 2026-09-30.",
           [("sla.agreed_but_expired", "SLA", x["id"])])
    x = rec("D14")
    x["last_verified_on"] = date(2025, 2, 26)
    defect("D14", "8.2.6", [("ConfigurationItem", x["id"])], "Active CI last verified on 2025-02-26, 20 months before the audit date.",
           [("ci.not_verified", "ConfigurationItem", x["id"])])
    x = rec("D15")
    x["review_on"] = None
    defect("D15", "8.6.1", [("Incident", x["id"])], "Major incident resolved and closed without a major incident review.",
           [("incident.major_not_reviewed", "Incident", x["id"])])
    x = rec("D16")
    x["accepted_by"] = "PER013"
    defect("D16", "6.1", [("Risk", x["id"])], "Accepted risk accepted by a process owner who is not top management.",
           [("risk.accepted_not_by_top", "Risk", x["id"])])
    x = rec("D17")
    x["reviewed_on"] = date(2025, 8, 14)
    defect("D17", "4.1", [("ContextIssue", x["id"])], "External issue last reviewed on 2025-08-14, more than 12 months ago.",
           [("context.review_overdue", "ContextIssue", x["id"])])
    x = rec("D18")
    x["last_reviewed_on"] = date(2025, 6, 30)
    defect("D18", "8.7.3.2", [("SecurityControl", x["id"])], "Logging control last reviewed on 2025-06-30, 16 months ago.",
           [("control.not_reviewed", "SecurityControl", x["id"])])
    x = rec("D19")
    x["effectiveness_reviewed_on"] = None
    defect("D19", "10.1", [("Nonconformity", x["id"])],
           "Major nonconformity closed without a review of the effectiveness of its corrective actions.",
           [("nc.closed_without_effectiveness_review", "Nonconformity", x["id"])])
    x = rec("D20")
    x["issued_on"] = x["period_end"] + timedelta(days=27)
    defect("D20", "9.4", [("ServiceReport", x["id"])],
           f"Monthly service report for May 2026 issued on {x['issued_on']}, 27 days after the period (limit 15).",
           [("report.late", "ServiceReport", x["id"])])
    x = rec("D21")
    x["acknowledged_on"] = date(2025, 2, 14)
    defect("D21", "7.3", [("Acknowledgement", x["id"])],
           "PER047's only acknowledgement of the service management policy predates the current version (approved 2026-01-15).",
           [("ack.missing", "Person", x["person"])])
    x = rec("D22")
    x["approved_by"] = None
    x["approved_on"] = None
    defect("D22", "8.4.1", [("Budget", x["id"])], "FY2026 budget of the Managed Network and Firewall service was never approved.",
           [("budget.not_approved", "Budget", x["id"]), ("service.no_approved_budget", "Service", x["service"])])
    # ---- D23 onwards: the clauses with few findings above (4.2, 4.3, 5, 6.x, 7.x, 8.x, 9.1, 9.2, 10.2)
    x = get("InterestedParty", "IP-002")
    x["reviewed_on"] = date(2025, 7, 15)
    defect("D23", "4.2", [("InterestedParty", x["id"])],
           "Customer Elmwood Dental Group last reviewed as an interested party on 2025-07-15, more than 15 months before the audit date.",
           [("party.review_overdue", "InterestedParty", x["id"])], [("IP-REVIEWED", x["id"], "minor")])
    x = get("Document", "DOC-SCOPE")
    assert "SVC-SOC" in x["services"]
    x["services"] = [sv for sv in x["services"] if sv != "SVC-SOC"]
    defect("D24", "4.3", [("Document", x["id"])],
           "The approved SMS scope v2.1 does not name the live Managed Security Monitoring service (SVC-SOC), which the SMS delivers.",
           [("scope.service_missing", "Service", "SVC-SOC")], [("SCOPE-NAMES-LIVE-SERVICES", "SVC-SOC", "minor")])
    x = get("Document", "DOC-POL-SMS")
    assert x["approved_by"] == ["PER001"] and x["owner"] != "PER006"
    x["approved_by"] = ["PER006"]
    defect("D25", "5.2.1", [("Document", x["id"])],
           "Service management policy v3.0 signed off by the Head of Quality and Compliance (PER006), not by top management.",
           [("doc.approver_not_top", "Document", x["id"]), ("doc.approver_authority", "Document", x["id"])],
           [("POL-SMS-POLICY-APPROVED", x["id"], "major")])
    x = get("Document", "DOC-OBJECTIVES")
    assert x["owner"] != "PER010"
    x["approved_by"] = ["PER010"]
    defect("D26", "5.1", [("Document", x["id"])],
           "The FY2026 service management objectives were approved by the service level process owner (PER010); no member of "
           "top management endorsed them.",
           [("doc.approver_not_top", "Document", x["id"])], [("LEAD-PLAN-OBJECTIVES-ENDORSED", x["id"], "minor")])
    x = get("Role", "ROL-MIM")
    x["documented_in"] = None
    defect("D27", "5.3", [("Role", x["id"])],
           "The major incident manager role is held but is not described in any document (it is missing from the roles document).",
           [("role.not_documented", "Role", x["id"])], [("ROLE-RESPONSIBILITIES-DEFINED", x["id"], "minor")])
    x = get("Communication", "COM-0007")
    assert "DOC-POL-SMS" in x["about"] and x["direction"] == "internal"
    x["about"] = [a for a in x["about"] if a != "DOC-POL-SMS"]
    x["subject"] = "Updated SMS scope"
    defect("D28", "5.2.2", [("Communication", x["id"])],
           "The all-staff briefing of 2026-01-19 covered only the updated scope: policy v3.0 (approved 2026-01-15) was never "
           "communicated internally, only published to customers (COM-0008).",
           [("policy.not_communicated", "Document", "DOC-POL-SMS")], [("POL-COMMUNICATED-INTERNALLY", "DOC-POL-SMS", "minor")])
    x = get("Risk", "RSK-003")
    x["last_assessed_on"] = date(2025, 9, 2)
    defect("D29", "6.1", [("Risk", x["id"])],
           "Accepted risk of insufficient internal auditor capacity last assessed on 2025-09-02, more than 12 months before the audit date.",
           [("risk.assessment_overdue", "Risk", x["id"])], [("RISK-ASSESSMENT-CURRENT", x["id"], "minor")])
    x = get("Objective", "OBJ-02")
    assert not get("Person", "PER062")["active"]
    x["owner"] = "PER062"
    defect("D30", "6.2.2", [("Objective", x["id"])],
           "The customer satisfaction objective is still owned by PER062, who has left the organisation.",
           [("objective.owner_inactive", "Objective", x["id"])], [("OBJ-OWNER-AND-DEADLINE", x["id"], "minor")])
    x = get("Document", "DOC-PLAN-SMS")
    assert "SVC-BACKUP" in x["services"]
    x["services"] = [sv for sv in x["services"] if sv != "SVC-BACKUP"]
    defect("D31", "6.3", [("Document", x["id"])],
           "The service list of the approved SMS plan FY2026 leaves out the live Backup and Disaster Recovery service (SVC-BACKUP).",
           [("plan.service_missing", "Service", "SVC-BACKUP")], [("PLAN-LISTS-LIVE-SERVICES", "SVC-BACKUP", "minor")])
    x = get("Person", "PER061")
    assert not x["active"] and not x["roles"]
    x["roles"] = ["ROL-SDA"]
    defect("D32", "7.1", [("Person", x["id"])],
           "Leaver PER061 is still recorded as a service desk analyst. One of the two inactive people holds a role (more than "
           "10%), so the observation is graded minor.",
           [("person.leaver_holds_role", "Person", x["id"])], [("RES-LEAVERS-HOLD-NO-ROLES", x["id"], "minor")])
    x = get("Document", "DOC-CATALOGUE")
    assert x["published_on"] >= x["approved_on"]
    x["published_on"] = x["approved_on"] - timedelta(days=5)
    defect("D33", "7.5.2", [("Document", x["id"])],
           f"Service catalogue v7.0 published on {x['published_on']}, five days before it was approved ({x['approved_on']}).",
           [("doc.published_before_approval", "Document", x["id"])], [("DOC-APPROVED-BEFORE-PUBLICATION", x["id"], "minor")])
    x = get("Document", "DOC-AUDIT-PROGRAMME")
    assert sum(1 for d in data["Document"] if d["kind"] == "audit_programme") == 1
    data["Document"] = [d for d in data["Document"] if d["id"] != x["id"]]
    defect("D34", "7.5.4", [("Document", x["id"])],
           "There is no internal audit programme: the audits were scheduled by e-mail and no approved audit programme document "
           "exists (a mandatory document missing, graded major).",
           [("doc.mandatory_kind_missing", "Document", "audit_programme")], [("DOC-MANDATORY-DOCUMENTS", "-", "major")])
    x = get("Document", "DOC-KA-0009")
    assert [d["id"] for d in data["Document"] if d["kind"] == "knowledge_article" and "SVC-SOC" in d["services"]] == [x["id"]]
    data["Document"] = [d for d in data["Document"] if d["id"] != x["id"]]
    defect("D35", "7.6", [("Document", x["id"])],
           "No knowledge article covers the live Managed Security Monitoring service: the SIEM triage article was never written.",
           [("knowledge.service_uncovered", "Service", "SVC-SOC")], [("KNW-SERVICES-COVERED", "SVC-SOC", "minor")])
    x = get("Document", "DOC-PROC-DEMAND")
    x["status"] = "draft"
    defect("D36", "8.1", [("Document", x["id"])],
           "The demand management process description was taken back to draft for rework and never re-approved: the process "
           "has no approved description.",
           [("process.no_document", "Document", "demand_management")], [("OPS-PROCESSES-DOCUMENTED", "-", "minor")])
    x = get("Asset", "AST-0005")
    x["owner"] = "PER062"
    defect("D37", "8.2.5", [("Asset", x["id"])],
           "In-use asset still owned by PER062, who has left the organisation.",
           [("asset.owner_inactive", "Asset", x["id"])], [("AST-OWNED-BY-ACTIVE-PERSON", x["id"], "minor")])
    x = get("Complaint", "CMP-0002")
    x["investigated_on"] = None
    defect("D38", "8.3.2", [("Complaint", x["id"])],
           "Closed complaint of Fenwick about the storage outage with no record that it was investigated.",
           [("complaint.not_handled", "Complaint", x["id"])], [("BRM-COMPLAINT-INVESTIGATED", x["id"], "minor")])
    x = get("Customer", "CUS-ELMWOOD")
    x["account_manager"] = "PER062"
    defect("D39", "8.3.2", [("Customer", x["id"])],
           "Elmwood Dental Group's account manager is PER062, who has left; no active relationship manager was assigned.",
           [("customer.no_account_manager", "Customer", x["id"])], [("BRM-CUSTOMER-HAS-MANAGER", x["id"], "minor")])
    a, b2 = get("Supplier", "SUP-BLUEFIN"), get("Supplier", "SUP-TIDEWATER")
    a["manager"] = None
    b2["manager"] = "PER062"
    defect("D40", "8.3.4.1", [("Supplier", a["id"]), ("Supplier", b2["id"])],
           "Two of the five active external suppliers have no active supplier manager (Bluefin: none recorded; Tidewater: "
           "PER062, who has left). 2 of 5 is more than 25%, so the finding is graded major.",
           [("supplier.no_manager", "Supplier", a["id"]), ("supplier.no_manager", "Supplier", b2["id"])],
           [("SUP-EXT-MANAGER", a["id"], "major"), ("SUP-EXT-MANAGER", b2["id"], "major")])
    x = get("Document", "DOC-CAPACITY-PLAN")
    assert "SVC-SOC" in x["services"]
    x["services"] = [sv for sv in x["services"] if sv != "SVC-SOC"]
    defect("D41", "8.4.3", [("Document", x["id"])],
           "The approved capacity plan FY2026 does not cover the live Managed Security Monitoring service (SVC-SOC).",
           [("service.no_capacity_plan", "Service", "SVC-SOC")], [("CAP-PLAN-COVERS-SERVICES", "SVC-SOC", "minor")])
    x = get("Change", "CHG0000150")
    assert x["kind"] == "normal" and x["backout_plan"]
    x["backout_plan"] = False
    defect("D42", "8.5.1.3", [("Change", x["id"])],
           "Normal change (June 2026 server patching) implemented without a back-out plan.",
           [("change.no_backout_plan", "Change", x["id"])], [("CHG-BACKOUT-PLANNED", x["id"], "minor")])
    rels = [get("Release", "REL-2026-06-PATCH"), get("Release", "REL-2026-08-PATCH")]
    for r in rels:
        r["approved_on"] = local_date(r["deployed_on"]) + timedelta(days=2)
    defect("D43", "8.5.3", [("Release", r["id"]) for r in rels],
           "The June and August 2026 patch releases were approved two days after they were deployed. 2 of the 14 releases "
           "deployed in the period is more than 10%, so the finding is graded major.",
           [("release.not_controlled", "Release", r["id"]) for r in rels],
           [("REL-APPROVED-BEFORE-DEPLOY", r["id"], "major") for r in rels])
    x = get("ServiceRequest", "RITM0007002")
    assert x["status"] == "closed"
    x["closed_at"] = x["fulfilled_at"] - timedelta(hours=1)
    defect("D44", "8.6.2", [("ServiceRequest", x["id"])],
           "Leaver request closed an hour before it was recorded as fulfilled.",
           [("request.bad_closure", "ServiceRequest", x["id"])], [("REQ-FULFILMENT-RECORDED", x["id"], "minor")])
    x = get("Outage", "OUT-0002")
    x["investigated_on"] = None
    defect("D45", "8.7.1", [("Outage", x["id"])],
           "Unplanned outage of Private Cloud Hosting on 2026-02-17 (storage controller) never investigated.",
           [("outage.not_investigated", "Outage", x["id"])], [("AVL-OUTAGE-INVESTIGATED", x["id"], "minor")])
    x = get("Incident", "INC0004228")
    assert x["security"] and x["impact"] == 1 and x["escalated"]
    x["escalated"] = False
    defect("D46", "8.7.3.3", [("Incident", x["id"])],
           "High-impact security incident of 2026-08-12 (mailbox forwarding rule created by an attacker) recorded as not escalated.",
           [("incident.security_not_handled", "Incident", x["id"])], [("ISM-INCIDENT-ESCALATED", x["id"], "minor")])
    x = get("Measurement", "MEAS-OBJ-01-Q2")
    x["evaluated_on"] = None
    defect("D47", "9.1", [("Measurement", x["id"])],
           "Incident resolution measurement for February to April 2026 never evaluated.",
           [("measurement.not_evaluated", "Measurement", x["id"])], [("MON-RESULTS-EVALUATED", x["id"], "minor")])
    x = get("InternalAudit", "IA-2026-09")
    assert x["status"] == "done"
    x["reported_to"] = ["PER006"]
    defect("D48", "9.2", [("InternalAudit", x["id"])],
           "The September 2026 audit of the SMS clauses was reported only to the Head of Quality and Compliance (PER006), "
           "not to top management or the SMS owner.",
           [("audit.not_reported", "InternalAudit", x["id"])], [("AUD-RESULTS-REPORTED", x["id"], "minor")])
    x = get("Improvement", "IMP-0007")
    assert x["status"] == "in_progress"
    x["priority"] = None
    defect("D49", "10.2", [("Improvement", x["id"])],
           "Improvement in progress without a priority.",
           [("improvement.not_approved", "Improvement", x["id"])], [("IMP-APPROVED-AND-PRIORITISED", x["id"], "minor")])
    x = get("Improvement", "IMP-0004")
    assert x["status"] == "done"
    x["evaluated_on"] = None
    defect("D50", "10.2", [("Improvement", x["id"])],
           f"Improvement completed on {x['completed_on']} whose results were never evaluated.",
           [("improvement.not_evaluated", "Improvement", x["id"])], [("IMP-RESULTS-EVALUATED", x["id"], "minor")])
    x = get("Document", "DOC-REQ-VOICE")
    assert x["services"] == ["SVC-VOICE"] and get("Service", "SVC-VOICE")["status"] == "pipeline"
    x["status"] = "draft"
    defect("D51", "8.2.2", [("Document", x["id"])],
           "The service requirements of the pipeline Hosted Voice service were reopened as a draft for rework and "
           "never re-approved, although the service goes live in December 2026.",
           [("service.no_service_requirements", "Service", "SVC-VOICE")], [("SVC-REQUIREMENTS-DOCUMENTED", "SVC-VOICE", "minor")])
    x, cat = get("Service", "SVC-M365"), get("Document", "DOC-CATALOGUE")
    assert x["in_catalogue"] and "SVC-M365" in cat["services"]
    x["in_catalogue"] = False
    cat["services"] = [sv for sv in cat["services"] if sv != "SVC-M365"]
    defect("D52", "8.2.4", [("Service", x["id"]), ("Document", cat["id"])],
           "The live Managed Microsoft 365 service is missing from the service catalogue v7.0 and flagged as not catalogued.",
           [("service.not_catalogued", "Service", x["id"])], [("CAT-LIVE-SERVICES-LISTED", x["id"], "minor")])
    x = get("ServiceTransition", "ST-M365-PORTSIDE")
    assert x["outcome_reported_on"]
    x["outcome_reported_on"] = None
    defect("D53", "8.5.2.3", [("ServiceTransition", x["id"])],
           "The outcome of the Portside tenant transfer (transitioned 2026-01-17) was never reported to the interested parties.",
           [("transition.not_controlled", "ServiceTransition", x["id"])], [("DT-OUTCOME-REPORTED", x["id"], "minor")])
    # the rule each of D01 to D22 is caught by
    old_rules = {
        "D01": ("CHG-APPROVED-BEFORE-IMPL", "minor"), "D02": ("CHG-EMERGENCY-BY-ECAB", "minor"),
        "D03": ("INC-MAJOR-TOP-MGMT-INFORMED", "minor"), "D04": ("DOC-REVIEW-CURRENT", "minor"),
        "D05": ("SUP-EXT-UNDER-CONTRACT", "minor"), "D06": ("CON-PLAN-TESTED", "minor"), "D07": ("AUD-IMPARTIAL", "minor"),
        "D08": ("PRB-RECURRING-INCIDENTS", "minor"), "D09": ("NC-ACTIONS-ON-TIME", "minor"),
        "D10": ("MR-AT-PLANNED-INTERVALS", "major"), "D11": ("COMP-ROLE-HOLDERS-TRAINED", "minor"),
        "D12": ("INC-RESOLUTION-RECORDED", "minor"), "D13": ("SLM-SLA-NOT-LAPSED", "minor"),
        "D14": ("CI-VERIFIED-AT-INTERVALS", "minor"), "D15": ("INC-MAJOR-REVIEWED", "minor"),
        "D16": ("RISK-ACCEPTANCE-AUTHORISED", "minor"), "D17": ("CTX-ISSUES-REVIEWED", "minor"),
        "D18": ("ISM-CONTROL-REVIEWED", "minor"), "D19": ("NC-EFFECTIVENESS-REVIEWED", "minor"),
        "D20": ("RPT-ISSUED-ON-TIME", "minor"), "D21": ("AWR-POLICY-ACKNOWLEDGED", "minor"), "D22": ("BUD-APPROVED", "minor"),
    }
    for d in defects:
        if d[5] is None:
            rule, grade = old_rules[d[0]]
            # the focus is the record of the first expected violation, except for the recurring incidents of D08
            d[5] = [(rule, "CI-FW-CALDER-01" if d[0] == "D08" else d[4][0][2], grade)]
    # evidence-quality problems
    x = rec("E1")
    x["ci"] = "CI-FW-NWGROUP-02"
    quality.append(("E1", "dangling-reference", ("Asset", x["id"]), "ci",
                    "Asset refers to configuration item CI-FW-NWGROUP-02, which does not exist."))
    x = rec("E2")
    x.setdefault("_raw", {})["identified_on"] = "2026-02-30"
    quality.append(("E2", "bad-value", ("Risk", x["id"]), "identified_on", "identified_on is 2026-02-30, not a calendar date."))
    x = rec("E3")
    x.setdefault("_raw", {})["kind"] = "tabletop"
    quality.append(("E3", "unknown-enum-value", ("ContinuityTest", x["id"]), "kind",
                    "kind is `tabletop`, which is not one of walkthrough, simulation, full."))
    return defects, quality


# --------------------------------------------------------------------------------------
# READMEs and writing
# --------------------------------------------------------------------------------------

def counts_table(schema, data):
    lines = ["| record type | file | records |", "|---|---|---:|"]
    for typ in sorted(schema.types):
        ext = "jsonl" if typ in JSONL_TYPES else "csv"
        lines.append(f"| {typ}{' (mandatory record)' if typ in schema.mandatory else ''} | `{typ}.{ext}` | {len(data.get(typ, []))} |")
    return "\n".join(lines)


def readme_ok(schema, data, defects):
    n = {t: len(v) for t, v in data.items()}
    return f"""# Northwind Managed Services Ltd — conforming example bundle

Generated by `tools/gen_northwind.py` (do not edit by hand; change the generator and run
`python3 tools/gen_northwind.py` from the repository root). Format: the canonical evidence
bundle, evidence model v1.1 (`rulesets/evidence/`).

## The organisation

Northwind Managed Services is a fictitious UK managed service provider of about sixty people,
based in Reading, running its platforms from a colocation datacentre in London with a backup
site in Manchester. Its service management system covers everything it sells:

| service | status | notes |
|---|---|---|
| Service Desk and End-User Support (`SVC-DESK`) | live | all customers, including the group's shared services |
| Managed Microsoft 365 (`SVC-M365`) | live | four customer tenants; took over a subsidiary's tenant in January 2026 |
| Managed Network and Firewall (`SVC-NET`) | live, critical | datacentre network and customer site firewalls |
| Private Cloud Hosting (`SVC-HOST`) | live, critical | platform refreshed in April 2026 |
| Backup and Disaster Recovery (`SVC-BACKUP`) | live, critical | off-site replica in Manchester |
| Managed Security Monitoring (`SVC-SOC`) | live, critical | SIEM and 24x7 first line from a supplier |
| Hosted Voice for Microsoft Teams (`SVC-VOICE`) | pipeline | design approved, go-live planned for December 2026 |
| Hosted Exchange (`SVC-EXCH`) | retired | removed in February 2026 |

Customers: five external organisations (a logistics company, a dental group, a law firm, a
housing association, a schools trust) and the group's internal shared services. Suppliers:
colocation, connectivity, Microsoft licensing, the security monitoring platform, telephony,
a retired hosting partner, the group's facilities department (internal) and one customer that
supplies on-site hands (customer acting as a supplier).

The audit period is 2025-11-01 to 2026-10-31 and the audit date (`as_of`) is 2026-10-31,
time zone Europe/London. Over the period the organisation handled {n['Incident']} incidents
(five major, eight security), {n['ServiceRequest']} service requests, {n['Change']} changes and
{n['Problem']} problems; it held monthly CABs, two management reviews, quarterly service,
customer and supplier reviews, six internal audits covering every clause-8 process and the
SMS clauses, continuity tests of each of its three continuity plans, and issued a service
report every month for every SLA.

## What the bundle is for

It is meant to show **no nonconformity** against ISO/IEC 20000-1:2018 as far as the evidence
can tell; a full ruleset run on it should raise none. The generator checks a long list of
conformance invariants on its own output (documents approved and reviewed in time, changes
approved before implementation by the right authority, major incidents notified and
reviewed, recurring incidents linked to problems, suppliers under contract, plans tested,
audits independent, reviews at planned intervals, corrective actions on time ...) and
refuses to write the bundle if any fails. `fixtures/northwind-nc/` is the same organisation
with {len(defects)} planted defects spread over clauses 4 to 10 ({", ".join(f"{c}: {n}" for c, n in sorted(Counter(d[1].split(".")[0] for d in defects).items(), key=lambda x: int(x[0])))});
its README lists each with the rule that must catch it, and
`tests/fixtures/northwind-nc.expected` the findings a full ruleset run must raise there.

Deliberate features that a correct rule must cope with:

* the CTO is top management only through the role `ROL-TOP` (`top_management` is false);
* superseded, retired and draft documents sit next to the current versions;
* older, lapsed awareness-training records exist next to the current ones;
* changes that are still requested, assessed, scheduled, rejected or cancelled; a pipeline
  service whose transition is in progress; a retired service with an expired SLA;
* approvals on the same day as the implementation (emergency changes);
* a few datetimes written with a `+01:00` offset; CSV fields with commas, quotes and a
  JSONL reader for `StateChange`, `Communication` and `Meeting`.

## Files

{counts_table(schema, data)}
"""


def readme_nc(schema, data, defects, quality, prov, prov_ok, removed_note):
    rows = ["| defect | clause | record (type id, file:line) | what is wrong | caught by (rule, focus, grade) |",
            "|---|---|---|---|---|"]
    for did, clause, recs, text, _, rules in defects:
        where = "<br>".join(f"{t} {i} ({prov[(t, i)]})" if (t, i) in prov
                            else f"{t} {i} (removed; {prov_ok[(t, i)]} in `fixtures/northwind/`)" for t, i in recs)
        caught = "<br>".join(f"`{r}` {f} ({g})" for r, f, g in rules)
        rows.append(f"| {did} | {clause} | {where} | {text} | {caught} |")
    qrows = ["| problem | kind | record (type id, file:line) | field | what is wrong |", "|---|---|---|---|---|"]
    for qid, code, (t, i), field, text in quality:
        qrows.append(f"| {qid} | `{code}` | {t} {i} ({prov[(t, i)]}) | `{field}` | {text} |")
    return f"""# Northwind Managed Services Ltd — nonconforming example bundle

Generated by `tools/gen_northwind.py` together with `fixtures/northwind/`. It is the same
organisation, with {len(defects)} planted nonconformities and {len(quality)} evidence-quality problems.
Each defect changes as few fields as possible and the generator checks that it produces
exactly the expected finding and nothing else (the conformance checks that pass on
`fixtures/northwind/` fail here only for the records listed below).

Line numbers are physical lines (the CSV header is line 1; JSONL starts at line 1).

The last column names the rule of `rulesets/iso20000-1/` that must report the defect, the
record it reports (`-` for a finding about a whole population) and the grade it must give.
`tests/fixtures/northwind-nc.expected`, written by the generator from the same table, lists
exactly these findings; `shall audit` must raise no other major or minor finding on this bundle.

## Planted nonconformities

{chr(10).join(rows)}

{removed_note}

## Evidence-quality problems

These are not nonconformities: the loader should report them as evidence-quality entries
and carry on.

{chr(10).join(qrows)}

## Files

{counts_table(schema, data)}
"""


def write_bundle(out_dir, files, manifest, readme):
    if os.path.isdir(out_dir):
        shutil.rmtree(out_dir)
    os.makedirs(out_dir)
    with open(os.path.join(out_dir, "bundle.json"), "w", encoding="utf-8", newline="\n") as f:
        json.dump(manifest, f, indent=2)
        f.write("\n")
    for name, (text, _) in sorted(files.items()):
        with open(os.path.join(out_dir, name), "w", encoding="utf-8", newline="\n") as f:
            f.write(text)
    with open(os.path.join(out_dir, "README.md"), "w", encoding="utf-8", newline="\n") as f:
        f.write(readme)


def strip_private(data):
    return {t: [{k: v for k, v in r.items() if not k.startswith("_")} for r in rs] for t, rs in data.items()
            if not t.startswith("_")}


def validate_shape(schema, data):
    for typ in schema.types:
        assert data.get(typ), f"no records of type {typ}"
    for typ, recs in data.items():
        assert typ in schema.types, f"type {typ} is not in the schema"
        names = {f.name for f in schema.types[typ]}
        for r in recs:
            extra = {k for k in r if not k.startswith("_")} - names
            assert not extra, f"{typ} {r['id']}: fields {extra} not in the schema"


def field_coverage(schema, data):
    """Every declared field is filled in at least one record (otherwise rules reading it
    would be not_evaluated)."""
    missing = []
    for typ, fields in schema.types.items():
        for f in fields:
            if not any(r.get(f.name) not in (None, []) for r in data[typ]):
                missing.append(f"{typ}.{f.name}")
    assert not missing, f"fields never filled in: {missing}"


def roundtrip_equal(schema, built, loaded):
    for typ, fields in schema.types.items():
        a = {r["id"]: r for r in built[typ]}
        b = {r["id"]: r for r in loaded[typ]}
        assert a.keys() == b.keys(), typ
        for rid, r in a.items():
            for f in fields:
                x = r.get(f.name)
                y = b[rid][f.name]
                if x in (None, []) and y in (None, []):
                    continue
                if isinstance(x, float) or isinstance(y, float):
                    assert abs(x - y) < 1e-9, (typ, rid, f.name, x, y)
                    continue
                assert x == y, (typ, rid, f.name, x, y)


def main():
    import copy
    schema = load_schema()
    assert schema.ruleset == ("evidence", "1.1"), schema.ruleset
    b = Builder()
    built = b.build()
    data = {t: v for t, v in built.items() if not t.startswith("_")}
    validate_shape(schema, data)
    field_coverage(schema, data)

    # the conforming bundle
    files_ok = serialize(schema, data)
    loaded, prov, quality = load_bundle(schema, files_ok)
    assert not quality, quality
    roundtrip_equal(schema, strip_private(data), loaded)
    problems = check_conformance(loaded)
    if problems:
        for p in problems:
            print("NONCONFORMING:", p, prov.get((p[1], p[2]), ""), file=sys.stderr)
        raise SystemExit("refusing to write: fixtures/northwind would not be conforming")

    # the nonconforming bundle
    nc = copy.deepcopy(data)
    defects, eq = plant_defects(nc, b.mark)
    files_nc = serialize(schema, nc)
    loaded_nc, prov_nc, quality_nc = load_bundle(schema, files_nc)
    want_q = sorted((code, prov_nc[rec], field) for _, code, rec, field, _ in eq)
    got_q = sorted((code, src, field) for code, src, field, _ in quality_nc)
    assert got_q == want_q, (got_q, want_q)
    assert [d[0] for d in defects] == [f"D{n:02d}" for n in range(1, len(defects) + 1)]
    findings = [(r, f, d[0]) for d in defects for r, f, _ in d[5]]
    assert len({(r, f) for r, f, _ in findings}) == len(findings), "two defects expect the same finding"
    want = sorted({v for d in defects for v in d[4]})
    got = check_conformance(loaded_nc)
    if got != want:
        print("unexpected:", sorted(set(got) - set(want)), file=sys.stderr)
        print("missing:", sorted(set(want) - set(got)), file=sys.stderr)
        raise SystemExit("refusing to write: planted defects do not show exactly as intended")
    removed_note = (f"D08 removes the problem record {b.mark['D08'][1]} ({prov[b.mark['D08']]} in `fixtures/northwind/`) "
                    f"and the links of the three incidents to it. D11 removes a row of `TrainingRecord.csv` "
                    f"({b.mark['D11'][1]}, {prov[b.mark['D11']]} in `fixtures/northwind/`); the table points at the role "
                    f"holder instead. D34 and D35 remove a row of `Document.csv` each; the table gives their place in "
                    f"`fixtures/northwind/`. Line numbers after a removed row are those of `fixtures/northwind-nc/`.")

    manifest = {"organization": ORG, "as_of": AS_OF.isoformat(), "period_start": PERIOD_START.isoformat(),
                "period_end": PERIOD_END.isoformat(), "timezone": TIMEZONE,
                "source": f"Synthetic example generated by tools/gen_northwind.py (seed {SEED})"}
    write_bundle(OUT_OK, files_ok, manifest, readme_ok(schema, data, defects))
    manifest_nc = dict(manifest, source=manifest["source"] + "; planted defects, see README.md")
    write_bundle(OUT_NC, files_nc, manifest_nc, readme_nc(schema, nc, defects, eq, prov_nc, prov, removed_note))
    with open(EXPECTED_NC, "w", encoding="utf-8", newline="\n") as f:
        f.write("# fixtures/northwind-nc: every planted defect of its README and nothing else of grade major/minor.\n"
                "# Written by tools/gen_northwind.py from the defect table; do not edit by hand.\n"
                "# RULE-ID FOCUS-ID (\"-\" for a population-level finding)  # defect\n")
        for r, foc, did in findings:
            f.write(f"{r} {foc}  # {did}\n")
    total = sum(len(v) for v in data.values())
    print(f"wrote {os.path.relpath(OUT_OK, ROOT)} ({total} records, {len(files_ok)} files) and "
          f"{os.path.relpath(OUT_NC, ROOT)} ({len(defects)} defects, {len(eq)} evidence-quality problems)")


if __name__ == "__main__":
    main()
