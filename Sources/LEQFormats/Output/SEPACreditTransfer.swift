import LEQCore

/// A SEPA credit transfer initiation (ISO 20022 `pain.001.001.09`): the file the youth office's
/// finance system hands to its bank to pay approved statements. One payment instruction from the
/// office's account, one transaction per statement: the statement's total to the provider's
/// account, with the statement number as end-to-end id and in the remittance information.
public struct SEPACreditTransfer: Sendable {
    public struct Transfer: Sendable, Equatable {
        public var statement: String
        public var amount: Money
        public var creditor: BankAccount
        public var remittance: String

        public init(statement: String, amount: Money, creditor: BankAccount, remittance: String) {
            self.statement = statement
            self.amount = amount
            self.creditor = creditor
            self.remittance = remittance
        }
    }

    public static let namespace = "urn:iso:std:iso:20022:tech:xsd:pain.001.001.09"

    /// Unique per file (Max35Text), e.g. `LEQ-2026-03-0001`.
    public var messageID: String
    /// When the file was made, ISO 8601 with time zone (read at the edge, passed in).
    public var created: String
    public var execution: CivilDate
    /// The youth office: initiating party and debtor.
    public var debtorName: String
    public var debtor: BankAccount
    public var transfers: [Transfer]

    public init(messageID: String, created: String, execution: CivilDate, debtorName: String, debtor: BankAccount, transfers: [Transfer]) {
        self.messageID = messageID
        self.created = created
        self.execution = execution
        self.debtorName = debtorName
        self.debtor = debtor
        self.transfers = transfers
    }

    public var total: Money { transfers.reduce(.zero) { $0 + $1.amount } }

    public func render() -> [UInt8] {
        var x = XMLWriter()
        x.raw("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
        x.open("Document", attributes: [("xmlns", Self.namespace)])
        x.open("CstmrCdtTrfInitn")
        x.open("GrpHdr")
        x.leaf("MsgId", messageID)
        x.leaf("CreDtTm", created)
        x.leaf("NbOfTxs", String(transfers.count))
        x.leaf("CtrlSum", total.decimalString)
        x.open("InitgPty")
        x.leaf("Nm", Self.sepaText(debtorName, max: 70))
        x.close()
        x.close()
        x.open("PmtInf")
        x.leaf("PmtInfId", messageID + "-1")
        x.leaf("PmtMtd", "TRF")
        x.leaf("BtchBookg", "false")
        x.leaf("NbOfTxs", String(transfers.count))
        x.leaf("CtrlSum", total.decimalString)
        x.open("PmtTpInf")
        x.open("SvcLvl")
        x.leaf("Cd", "SEPA")
        x.close()
        x.close()
        x.open("ReqdExctnDt")
        x.leaf("Dt", execution.iso)
        x.close()
        x.open("Dbtr")
        x.leaf("Nm", Self.sepaText(debtorName, max: 70))
        x.close()
        account(&x, "DbtrAcct", debtor.iban)
        agent(&x, "DbtrAgt", debtor.bic)
        x.leaf("ChrgBr", "SLEV")
        for t in transfers {
            x.open("CdtTrfTxInf")
            x.open("PmtId")
            x.leaf("EndToEndId", t.statement)
            x.close()
            x.open("Amt")
            x.leaf("InstdAmt", t.amount.decimalString, attributes: [("Ccy", "EUR")])
            x.close()
            if t.creditor.bic != nil { agent(&x, "CdtrAgt", t.creditor.bic) }
            x.open("Cdtr")
            x.leaf("Nm", Self.sepaText(t.creditor.holder, max: 70))
            x.close()
            account(&x, "CdtrAcct", t.creditor.iban)
            x.open("RmtInf")
            x.leaf("Ustrd", Self.sepaText(t.remittance, max: 140))
            x.close()
            x.close()
        }
        x.close()
        x.close()
        x.close()
        return x.bytes
    }

    private func account(_ x: inout XMLWriter, _ name: String, _ iban: String) {
        x.open(name)
        x.open("Id")
        x.leaf("IBAN", iban)
        x.close()
        x.close()
    }

    private func agent(_ x: inout XMLWriter, _ name: String, _ bic: String?) {
        x.open(name)
        x.open("FinInstnId")
        if let bic {
            x.leaf("BICFI", bic)
        } else {
            x.open("Othr")
            x.leaf("Id", "NOTPROVIDED")
            x.close()
        }
        x.close()
        x.close()
    }

    /// Text in the SEPA character set (EPC: Latin letters, digits, `/-?:().,'+` and space): umlauts
    /// and ß spelt out, `&` as `+`, anything else as a space; cut to `max` characters.
    public static func sepaText(_ text: String, max: Int) -> String {
        let allowed = Set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789/-?:().,'+ ")
        var out = ""
        for c in text {
            switch c {
            case "ä": out += "ae"
            case "ö": out += "oe"
            case "ü": out += "ue"
            case "Ä": out += "Ae"
            case "Ö": out += "Oe"
            case "Ü": out += "Ue"
            case "ß": out += "ss"
            case "&": out += "+"
            case "é", "è", "ê": out += "e"
            case "á", "à", "â": out += "a"
            case _ where allowed.contains(c): out.append(c)
            default: out += " "
            }
        }
        let squeezed = out.split(separator: " ", omittingEmptySubsequences: true).joined(separator: " ")
        return String(squeezed.prefix(max))
    }
}
