async def test_register_then_me(make_actor, client):
    actor = await make_actor("supplier")
    response = await actor.client.get("/api/v1/me")
    assert response.status_code == 200
    assert response.json()["organization"]["slug"] == actor.organization_slug
    assert (await client.get("/api/v1/me")).status_code == 401
