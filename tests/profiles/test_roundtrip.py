"""Export then import gives back the same profile, for any profile the services can store."""

from hypothesis import given, settings

from nexus_board.models import Track
from nexus_board.profiles.readme import default_title, export_readme, parse_readme

from .strategies import profiles


@settings(max_examples=300, deadline=None)
@given(profile=profiles(), track=...)
def test_import_of_an_export_is_the_same_profile(profile, track: Track):
    readme = export_readme(profile, display_name="Ada Okafor", track=track)
    parsed = parse_readme(readme, default_title=default_title("Ada Okafor"))
    assert parsed.profile == profile, readme
