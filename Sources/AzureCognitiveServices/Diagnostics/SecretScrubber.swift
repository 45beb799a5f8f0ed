/// Replaces every occurrence of a set of secrets in a text by `<redacted>`, in time linear in
/// the text: one Aho–Corasick automaton holds all the secrets, and it runs once over the text
/// itself and once over each decoded view of it, so a secret is found raw, JSON-escaped (any
/// mix of `\uXXXX` and short escapes, either hex case, up to two levels of escaping) and
/// URL-encoded (any mix of `%XX`, either case, `+` for a space). Each view keeps, for every
/// decoded byte, the span of the text it came from; the spans of all matches are merged and
/// each merged run becomes one `<redacted>`.
///
/// Example: with the client secret `s3cr3t-value` registered,
/// `{"error_description":"bad s3cr3t\u002dvalue"` (not valid JSON) becomes
/// `{"error_description":"bad <redacted>"`, and `client_secret=s3cr3t%2Dvalue` becomes
/// `client_secret=<redacted>`.
struct SecretScrubber: Sendable {
    static let marker = "<redacted>"

    /// One state of the automaton: its children as a sibling list, its failure link, and the
    /// length of the longest secret that ends here (through failure links), or 0.
    private struct Node {
        var label: UInt8
        var firstChild: Int32 = -1
        var nextSibling: Int32 = -1
        var failure: Int32 = 0
        var longest: Int32 = 0
    }

    /// Node 0 is the root, whose children are also in `rootChildren` (0: none).
    private var nodes = [Node(label: 0)]
    private var rootChildren = [Int32](repeating: 0, count: 256)
    /// `+` means a space in URL-encoded text; decoded so only when some secret has a space.
    private let plusIsSpace: Bool

    init<Secrets: Sequence<String>>(secrets: Secrets) {
        let secrets = Array(secrets)
        plusIsSpace = secrets.contains { $0.utf8.contains(0x20) }
        var depth: [Int32] = [0]
        for secret in secrets where !secret.isEmpty {
            var node: Int32 = 0
            for byte in secret.utf8 {
                if let existing = child(node, byte) {
                    node = existing
                    continue
                }
                let created = Int32(nodes.count)
                var fresh = Node(label: byte)
                if node == 0 {
                    rootChildren[Int(byte)] = created
                } else {
                    fresh.nextSibling = nodes[Int(node)].firstChild
                    nodes[Int(node)].firstChild = created
                }
                nodes.append(fresh)
                depth.append(depth[Int(node)] + 1)
                node = created
            }
            nodes[Int(node)].longest = depth[Int(node)]
        }
        // Failure links and `longest`, breadth first (a failure link points to a shallower node).
        var queue = rootChildren.filter { $0 != 0 }
        var head = 0
        while head < queue.count {
            let node = queue[head]
            head += 1
            var next = nodes[Int(node)].firstChild
            while next >= 0 {
                let byte = nodes[Int(next)].label
                var fallback = nodes[Int(node)].failure
                var target: Int32 = 0
                while true {
                    if let found = child(fallback, byte) {
                        target = found
                        break
                    }
                    if fallback == 0 { break }
                    fallback = nodes[Int(fallback)].failure
                }
                nodes[Int(next)].failure = target
                nodes[Int(next)].longest = max(nodes[Int(next)].longest, nodes[Int(target)].longest)
                queue.append(next)
                next = nodes[Int(next)].nextSibling
            }
        }
    }

    private func child(_ node: Int32, _ byte: UInt8) -> Int32? {
        if node == 0 {
            let found = rootChildren[Int(byte)]
            return found == 0 ? nil : found
        }
        var next = nodes[Int(node)].firstChild
        while next >= 0 {
            if nodes[Int(next)].label == byte { return next }
            next = nodes[Int(next)].nextSibling
        }
        return nil
    }

    /// `text` with every secret, in every view, replaced.
    func scrub(_ text: String) -> String {
        var work = 0
        return scrub(text, work: &work)
    }

    /// `scrub(_:)`, adding to `work` the automaton transitions and decoded bytes it took (a
    /// linear bound on `work` is what the tests check).
    func scrub(_ text: String, work: inout Int) -> String {
        guard nodes.count > 1 else { return text }
        let source = Array(text.utf8)
        // Spans are Int32; a text that large (2 GiB) is only searched raw.
        let decodes = source.count < Int(Int32.max) / 2
        var cover = [Int32](repeating: 0, count: source.count + 1)
        var found = search(source, map: nil, cover: &cover, work: &work)
        if decodes {
            var views: [View] = []
            // Lenient JSON differs from strict JSON only where a backslash follows a backslash.
            let doubled = zip(source, source.dropFirst()).contains { $0 == 0x5C && $1 == 0x5C }
            for decoding in [Decoding.json, .jsonLenient, .url] where decoding != .jsonLenient || doubled {
                if let view = View.decode(source, decoding, parent: nil, plusIsSpace: plusIsSpace, work: &work) {
                    views.append(view)
                }
            }
            // Two levels: JSON inside a JSON string, URL-encoding inside a JSON string.
            if let json = views.first(where: { $0.decoding == .json }) {
                for decoding in [Decoding.json, .url] {
                    if let view = View.decode(json.bytes, decoding, parent: json, plusIsSpace: plusIsSpace, work: &work)
                    {
                        views.append(view)
                    }
                }
            }
            for view in views {
                found = search(view.bytes, map: view, cover: &cover, work: &work) || found
            }
        }
        guard found else { return text }
        var output: [UInt8] = []
        output.reserveCapacity(source.count)
        var depth: Int32 = 0
        for index in source.indices {
            let before = depth
            depth += cover[index]
            if depth > 0 {
                if before == 0 { output += Self.marker.utf8 }
            } else {
                output.append(source[index])
            }
        }
        return String(decoding: output, as: UTF8.self)
    }

    /// Runs the automaton over `bytes`; each match adds +1/−1 at its source span in `cover`.
    private func search(_ bytes: [UInt8], map: View?, cover: inout [Int32], work: inout Int) -> Bool {
        var found = false
        var steps = 0
        nodes.withUnsafeBufferPointer { nodes in
            rootChildren.withUnsafeBufferPointer { root in
                bytes.withUnsafeBufferPointer { input in
                    cover.withUnsafeMutableBufferPointer { cover in
                        var node: Int32 = 0
                        for index in 0..<input.count {
                            let byte = input[index]
                            // The transition: a child, else the failure link's, down to the root.
                            while true {
                                steps += 1
                                if node == 0 {
                                    node = root[Int(byte)]
                                    break
                                }
                                var next = nodes[Int(node)].firstChild
                                while next >= 0 && nodes[Int(next)].label != byte {
                                    next = nodes[Int(next)].nextSibling
                                }
                                if next >= 0 {
                                    node = next
                                    break
                                }
                                node = nodes[Int(node)].failure
                            }
                            let length = Int(nodes[Int(node)].longest)
                            if length == 0 { continue }
                            found = true
                            let first = index + 1 - length
                            if let map {
                                cover[Int(map.start[first])] += 1
                                cover[Int(map.end[index])] -= 1
                            } else {
                                cover[first] += 1
                                cover[index + 1] -= 1
                            }
                        }
                    }
                }
            }
        }
        work += steps
        return found
    }

    enum Decoding: Equatable {
        /// JSON string escapes; `\\` is one escaped backslash.
        case json
        /// JSON escapes where `\\` does not hide the escape after it (`\\u0041` shows `\A`).
        case jsonLenient
        /// `%XX`, and `+` for a space when a secret has one.
        case url
    }

    /// A decoded copy of a text: each byte with the span `[start, end)` of the original text
    /// it came from.
    struct View {
        var decoding: Decoding
        var bytes: [UInt8] = []
        var start: [Int32] = []
        var end: [Int32] = []

        /// The decoded view of `input` (itself a view when `parent` is set, whose spans the
        /// new ones are mapped through), or nil when `input` has nothing to decode.
        static func decode(
            _ input: [UInt8], _ decoding: Decoding, parent: View?, plusIsSpace: Bool, work: inout Int
        ) -> View? {
            let escape: UInt8 = decoding == .url ? UInt8(ascii: "%") : UInt8(ascii: "\\")
            guard input.contains(escape) || (decoding == .url && plusIsSpace && input.contains(UInt8(ascii: "+")))
            else {
                return nil
            }
            var view = View(decoding: decoding)
            view.bytes.reserveCapacity(input.count)
            view.start.reserveCapacity(input.count)
            view.end.reserveCapacity(input.count)
            func emit(_ byte: UInt8, from: Int, to: Int) {
                view.bytes.append(byte)
                if let parent {
                    view.start.append(parent.start[from])
                    view.end.append(parent.end[to - 1])
                } else {
                    view.start.append(Int32(truncatingIfNeeded: from))
                    view.end.append(Int32(truncatingIfNeeded: to))
                }
            }
            var index = 0
            while index < input.count {
                work += 1
                let byte = input[index]
                if decoding == .url {
                    if byte == UInt8(ascii: "%"), index + 2 < input.count, let high = hex(input[index + 1]),
                        let low = hex(input[index + 2])
                    {
                        emit(high << 4 | low, from: index, to: index + 3)
                        index += 3
                    } else {
                        emit(byte == UInt8(ascii: "+") && plusIsSpace ? 0x20 : byte, from: index, to: index + 1)
                        index += 1
                    }
                    continue
                }
                guard byte == UInt8(ascii: "\\"), index + 1 < input.count else {
                    emit(byte, from: index, to: index + 1)
                    index += 1
                    continue
                }
                let next = input[index + 1]
                if let simple = shortEscape(next), next != UInt8(ascii: "\\") || decoding == .json {
                    emit(simple, from: index, to: index + 2)
                    index += 2
                } else if next == UInt8(ascii: "u"), let (scalar, length) = unicodeEscape(input, at: index) {
                    for byte in String(scalar).utf8 { emit(byte, from: index, to: index + length) }
                    index += length
                } else {
                    emit(byte, from: index, to: index + 1)
                    index += 1
                }
            }
            return view
        }

        private static func shortEscape(_ byte: UInt8) -> UInt8? {
            switch byte {
            case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): byte
            case UInt8(ascii: "b"): 0x08
            case UInt8(ascii: "f"): 0x0C
            case UInt8(ascii: "n"): 0x0A
            case UInt8(ascii: "r"): 0x0D
            case UInt8(ascii: "t"): 0x09
            default: nil
            }
        }

        /// `\uXXXX`, or a `\uD8xx\uDCxx` surrogate pair, at `index`: the scalar and the bytes taken.
        private static func unicodeEscape(_ input: [UInt8], at index: Int) -> (Unicode.Scalar, Int)? {
            guard let unit = codeUnit(input, at: index) else { return nil }
            if (0xD800..<0xDC00).contains(unit) {
                guard let low = codeUnit(input, at: index + 6), (0xDC00..<0xE000).contains(low),
                    let scalar = Unicode.Scalar(0x10000 + ((unit - 0xD800) << 10) + (low - 0xDC00))
                else { return nil }
                return (scalar, 12)
            }
            return Unicode.Scalar(unit).map { ($0, 6) }
        }

        private static func codeUnit(_ input: [UInt8], at index: Int) -> UInt32? {
            guard index + 5 < input.count, input[index] == UInt8(ascii: "\\"), input[index + 1] == UInt8(ascii: "u")
            else { return nil }
            var value: UInt32 = 0
            for offset in 2..<6 {
                guard let digit = hex(input[index + offset]) else { return nil }
                value = value << 4 | UInt32(digit)
            }
            return value
        }

        private static func hex(_ byte: UInt8) -> UInt8? {
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): byte - UInt8(ascii: "a") + 10
            case UInt8(ascii: "A")...UInt8(ascii: "F"): byte - UInt8(ascii: "A") + 10
            default: nil
            }
        }
    }
}
