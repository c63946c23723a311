import Foundation
import LEQCLI

// The one place the clock is read: the time recorded when a statement is finalised or signed off.
// The environment is read here too, once: LEQ_LANG=en for English (German is the default).
let console = StandardConsole(clock: {
    let f = ISO8601DateFormatter()
    f.formatOptions = [.withInternetDateTime]
    return f.string(from: Date())
}, language: ProcessInfo.processInfo.environment["LEQ_LANG"])
exit(LEQ.main(Array(CommandLine.arguments.dropFirst()), console: console))
