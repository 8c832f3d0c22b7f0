"""`verify --junit FILE`: JUnit XML, one test case per contract, for CI to show each as a test."""

from xml.etree import ElementTree as ET

from .checks import Result
from .fuzz import OperationReport


def junit_xml(project: str, results: list[Result], fuzzed: list[OperationReport]) -> bytes:
    fuzz_by_contract = {report.contract_id: report for report in fuzzed}
    suite = ET.Element("testsuite", name=f"verify {project}")
    failures = skipped = 0
    for result in results:
        case = ET.SubElement(suite, "testcase", classname=project, name=result.request)
        report = fuzz_by_contract.get(result.contract.id)
        found = [f"{f.message}\n  {f.curl}" for f in report.findings] if report else []
        if result.passed is False or found:
            failures += 1
            message = result.detail if result.passed is False else found[0].split("\n")[0]
            failure = ET.SubElement(case, "failure", message=message or "failed")
            failure.text = "\n".join(filter(None, [result.detail, *found]))
        elif result.passed is None and not report:
            skipped += 1
            ET.SubElement(case, "skipped", message=result.detail)
    suite.set("tests", str(len(results)))
    suite.set("failures", str(failures))
    suite.set("skipped", str(skipped))
    suite.set("errors", "0")
    root = ET.Element("testsuites")
    root.append(suite)
    return ET.tostring(root, encoding="utf-8", xml_declaration=True)
