"""Export then import gives back the same profile, for any profile the services can store."""

from hypothesis import example, given, settings

from nexus_board.models import Track
from nexus_board.profiles.readme import default_title, export_readme, parse_readme
from nexus_board.profiles.values import ChallengeData, ProfileData

from .strategies import profiles


@settings(max_examples=300, deadline=None)
@given(profile=profiles(), track=...)
# A solution whose last paragraph reads as the tags' line (found by this test, 2 Dec 2026).
@example(
    profile=ProfileData(challenges=[ChallengeData("0", "**Related learnings:** 0", ())]),
    track=Track.BACKEND,
)
def test_import_of_an_export_is_the_same_profile(profile, track: Track):
    readme = export_readme(profile, display_name="Ada Okafor", track=track)
    parsed = parse_readme(readme, default_title=default_title("Ada Okafor"))
    assert parsed.profile == profile, readme
