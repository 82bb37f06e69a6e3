from tests.support.actors import cast_fixture

cast = cast_fixture("supplier")
