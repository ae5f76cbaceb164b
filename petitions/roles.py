"""What the staff roles may do with petitions (collected by website.roles; migration 0004 grants it)."""

ROLES = {
    "Editors": ["petitions.view_petition", "petitions.add_petition", "petitions.change_petition"],
    # Campaign staff run petitions: record responses and paper signatures, follow and export signatures.
    "Campaign staff": [
        "petitions.view_petition",
        "petitions.add_petition",
        "petitions.change_petition",
        "petitions.view_targetresponse",
        "petitions.add_targetresponse",
        "petitions.change_targetresponse",
        "petitions.view_papersignatures",
        "petitions.add_papersignatures",
        "petitions.change_papersignatures",
        "petitions.view_signature",
        "petitions.change_signature",
        "petitions.export_signatures",
        "petitions.view_municipality",
    ],
}
