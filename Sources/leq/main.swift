import Foundation
import LEQCLI

// The one place the clock is read: the time recorded when a statement is finalised or signed off.
let console = StandardConsole(clock: {
    let f = ISO8601DateFormatter()
    f.formatOptions = [.withInternetDateTime]
    return f.string(from: Date())
})
exit(LEQ.main(Array(CommandLine.arguments.dropFirst()), console: console))
