import FundCore
import GRDB

extension SQLiteStorage: SignerStorage {
    func formSigners(organizationID: Int64) throws -> [FormSignerRecord] {
        try FormSignerRecord.filter(FormSignerRecord.Columns.organizationID == organizationID).order(FormSignerRecord.Columns.role).fetchAll(db)
    }

    func setFormSigner(_ record: FormSignerRecord) throws {
        try db.execute(sql: """
            INSERT INTO form_signer (organization_id, role, name, set_at, set_by) VALUES (?, ?, ?, ?, ?)
            ON CONFLICT (organization_id, role) DO UPDATE SET name = excluded.name, set_at = excluded.set_at, set_by = excluded.set_by
            """, arguments: [record.organizationID, record.role.rawValue, record.name, record.setAt, record.setBy])
    }

    func removeFormSigner(organizationID: Int64, role: SignerRole) throws {
        try FormSignerRecord.filter(FormSignerRecord.Columns.organizationID == organizationID && FormSignerRecord.Columns.role == role.rawValue).deleteAll(db)
    }
}
