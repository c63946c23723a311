import Foundation
import LEQCLI

exit(LEQ.main(Array(CommandLine.arguments.dropFirst()), console: StandardConsole()))
