import Foundation
import LEQFormats
import LEQStore

// MARK: - people add|list

extension LEQ {
    static let people = Command(
        name: "people",
        usage: "add ID --name \"NAME\" --may certify,approve [--namesake] [--store PATH] | list [--store PATH]",
        summary: "Register who may certify and approve statements (four eyes by identity), or list them.",
        options: [
            OptionSpec("name", value: "NAME", help: "add: the person's name as it appears on sign-offs, e.g. \"Anna Kassner\"."),
            OptionSpec("may", value: "LIST", help: "add: certify (sachlich und rechnerisch richtig), approve (Anordnung), or certify,approve."),
            OptionSpec("namesake", help: "add: register although a person of the same name (however spelt) is registered: it is another person."),
            OptionSpec("store", value: "PATH", help: "The statement store; default: leq.db in this folder ('add' creates it only where no file is)."),
        ],
        positional: 2,
        details: """
            'leq certify' and 'leq approve' take --by ID: the ID of a person registered here who may
            give that sign-off. The same ID cannot give both sign-offs of a statement. An ID is 2 to
            32 characters: letters a-z, digits, '.', '-', '_' (upper case is read as lower case).
            A registered person never changes and is never removed; registering is an entry of the
            store's hash chain like every finalised statement and sign-off.
            """
    ) { options, console in
        switch options.positional.first {
        case "add":
            guard options.positional.count == 2 else {
                console.fail("leq people add: give the ID, e.g. leq people add akassner --name \"Anna Kassner\" --may certify\n")
                return ExitStatus.badInput
            }
            guard let name = options.value("name"), let may = options.value("may") else {
                console.fail("leq people add: --name and --may are needed, e.g. --name \"Anna Kassner\" --may certify,approve\n")
                return ExitStatus.badInput
            }
            let rights = may.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
            if let wrong = rights.first(where: { $0 != "certify" && $0 != "approve" }) {
                console.fail("leq people add: --may: '\(wrong)' is not a sign-off; expected certify, approve or certify,approve\n")
                return ExitStatus.badInput
            }
            let path = options.value("store") ?? SettleJob.defaultStore
            do throws(StoreError) {
                let store = try Store(path: path, create: true)
                let person = try store.addPerson(id: options.positional[1], name: name, mayCertify: rights.contains("certify"),
                                                 mayApprove: rights.contains("approve"), at: console.timestamp(), namesake: options.flag("namesake"))
                console.tell("registered: \(person.id) (\(person.name)), may \(mayText(person)); in \(store.path)\n")
                return ExitStatus.success
            } catch {
                console.fail("leq people add: \(error.text)\n")
                return SettleJob.exitStatus(error)
            }
        case "list":
            guard options.positional.count == 1 else {
                console.fail("leq people list: takes no further argument\n")
                return ExitStatus.badInput
            }
            guard let store = openStore(options, command: "people", console: console) else { return ExitStatus.badInput }
            do throws(StoreError) {
                let people = try store.people()
                guard !people.isEmpty else {
                    console.tell("Nobody is registered in \(store.path); 'leq people add' registers people.\n")
                    return ExitStatus.success
                }
                var table = TextTable([.left, .left, .left, .left])
                let heads: [Message] = ["ID", "Name", "may", "registered"]
                table.add(heads.map { $0.text(console.language) })
                for p in people { table.add([p.id, p.name, mayText(p).text(console.language), p.addedAt]) }
                console.out(table.render().joined(separator: "\n") + "\n")
                return ExitStatus.success
            } catch {
                console.fail("leq people: \(error.text)\n")
                return SettleJob.exitStatus(error)
            }
        default:
            console.fail("leq people: say 'add ID --name … --may …' or 'list'\nRun 'leq people --help' for its options.\n")
            return ExitStatus.badInput
        }
    }
}

/// What a person may sign, as the run's language says it.
func mayText(_ p: Person) -> Message {
    switch (p.mayCertify, p.mayApprove) {
    case (true, true): return "certify, approve"
    case (true, false): return "certify"
    case (false, true): return "approve"
    case (false, false): return "–"
    }
}
