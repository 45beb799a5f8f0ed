import AzShimSupport
import Testing

@testable import PowerShellHost

/// Typed output objects and their views: the text of a value (`PSObjectHelper.SmartToString`,
/// `GetObjectName`), .NET's number formats, the list view's word wrap (`GenerateLinesWithWordWrap`),
/// `Format-List` and `Format-Table` layouts, `ConvertTo-Json`, and the default view's choice.
struct ObjectViewTests {
    static let apiKeys = PSObject(
        typeName: "Microsoft.Azure.Management.CognitiveServices.Models.ApiKeys",
        properties: [("Key1", "0123456789abcdef0123456789abcdef"), ("Key2", "fedcba9876543210fedcba9876543210")])

    static func named(_ name: String) -> PSValue {
        .object(
            PSObject(
                typeName: "Ns.SkuCapability",
                properties: [.init("Name", .string(name)), .init("Value", .string("true"))]))
    }

    static let sku = PSObject(
        typeName: "Microsoft.Azure.Management.CognitiveServices.Models.Sku",
        properties: [.init("Name", .string("S0")), .init("Tier", .null), .init("Capacity", .null)])

    /// One of each kind of value, as an account-like object.
    static let mixed = PSObject(
        typeName: "Test.Mixed",
        properties: [
            .init("Name", .string("acct")), .init("Count", .integer(5)), .init("Ratio", .double(0.5)),
            .init("Enabled", .bool(true)), .init("Missing", .null), .init("Sku", .object(sku)),
            .init("Tags", .dictionary([.init("env", .string("prod")), .init("team", .string("ai"))])),
            .init("Capabilities", .list(["A", "B", "C", "D", "E"].map(named))), .init("Empty", .list([])),
            .init(
                "Mode",
                .enumeration(PSEnumeration(typeName: "Ns.PSNetWorkRuleDefaultActionEnum", name: "Deny", value: 0))),
        ])

    // MARK: - The text of one value

    struct DisplayCase: Sendable, CustomTestStringConvertible {
        let value: PSValue
        let list: String
        let table: String
        let testDescription: String

        init(_ description: String, _ value: PSValue, _ list: String, table: String? = nil) {
            self.value = value
            self.list = list
            self.table = table ?? list
            testDescription = description
        }
    }

    static let displayCases: [DisplayCase] = [
        DisplayCase("null is empty", .null, ""),
        DisplayCase("a string as it is", .string("westus"), "westus"),
        DisplayCase("an integer", .integer(-42), "-42"),
        DisplayCase("a double: round-trip in lists, two decimals in tables", .double(0.5), "0.5", table: "0.50"),
        DisplayCase("a large double", .double(1e15), "1E+15", table: "1000000000000000.00"),
        DisplayCase("booleans are True/False", .bool(false), "False"),
        DisplayCase(
            "an enum by name", .enumeration(PSEnumeration(typeName: "E", name: "Allow", value: 1)), "Allow"),
        DisplayCase("an object without ToString() is its type name", .object(sku), sku.typeName),
        DisplayCase(
            "an object's ToString() override",
            .object(PSObject(typeName: "T", properties: [], toStringOverride: "/subscriptions/s/x")),
            "/subscriptions/s/x"),
        DisplayCase("an empty list", .list([]), "{}"),
        DisplayCase("four elements, no ellipsis", .list(["a", "b", "c", "d"].map(PSValue.string)), "{a, b, c, d}"),
        DisplayCase(
            "five elements: $FormatEnumerationLimit (4) and an ellipsis",
            .list(["a", "b", "c", "d", "e"].map(PSValue.string)),
            "{a, b, c, d…}"),
        DisplayCase("a null element is $null", .list([.null, .string("a")]), "{$null, a}"),
        DisplayCase(
            "objects by their Name property", .list([named("VirtualNetworks"), named("Container")]),
            "{VirtualNetworks, Container}"),
        DisplayCase(
            "objects by their ToString() override first",
            .list([
                .object(PSObject(typeName: "T", properties: [.init("Name", .string("n"))], toStringOverride: "over"))
            ]),
            "{over}"),
        DisplayCase(
            "`name` beats `id`, whatever the order",
            .list([
                .object(PSObject(typeName: "T", properties: [.init("Id", .string("i")), .init("NAME", .string("n"))]))
            ]),
            "{n}"),
        DisplayCase(
            "`*id` when nothing better matches (UserOwnedStorage's ResourceId)",
            .list([
                .object(
                    PSObject(
                        typeName: "T",
                        properties: [.init("ResourceId", .string("/r")), .init("IdentityClientId", .string("c"))]))
            ]),
            "{/r}"),
        DisplayCase(
            "no matching property: the type name",
            .list([.object(PSObject(typeName: "Ns.IpRule", properties: [.init("Value", .string("1.2.3.4"))]))]),
            "{Ns.IpRule}"),
        DisplayCase(
            "a nested list joins its elements with spaces", .list([.list(["a", "b"].map(PSValue.string))]), "{a b}"),
        DisplayCase(
            "a dictionary as KeyValuePairs", .dictionary([.init("env", .string("prod")), .init("owner", .null)]),
            "{[env, prod], [owner, ]}"),
        DisplayCase(
            "numbers in a list by ToString()", .list([.integer(1), .double(2.5), .bool(true)]), "{1, 2.5, True}"),
    ]

    @Test("the text of a value", arguments: displayCases)
    func display(_ row: DisplayCase) {
        #expect(PSValueDisplay.text(row.value) == row.list)
        #expect(PSValueDisplay.text(row.value, isTable: true) == row.table)
    }

    // MARK: - .NET number formats

    struct NumberCase: Sendable, CustomTestStringConvertible {
        let number: Double
        let roundTrip: String
        let fixed2: String
        let json: String
        var testDescription: String { roundTrip }
    }

    static let numberCases: [NumberCase] = [
        NumberCase(number: 0, roundTrip: "0", fixed2: "0.00", json: "0.0"),
        NumberCase(number: -0.0, roundTrip: "-0", fixed2: "-0.00", json: "-0.0"),
        NumberCase(number: 0.5, roundTrip: "0.5", fixed2: "0.50", json: "0.5"),
        NumberCase(number: 120, roundTrip: "120", fixed2: "120.00", json: "120.0"),
        NumberCase(number: 0.1, roundTrip: "0.1", fixed2: "0.10", json: "0.1"),
        NumberCase(number: 1.0 / 3.0, roundTrip: "0.3333333333333333", fixed2: "0.33", json: "0.3333333333333333"),
        NumberCase(number: 0.125, roundTrip: "0.125", fixed2: "0.13", json: "0.125"),
        NumberCase(number: 2.675, roundTrip: "2.675", fixed2: "2.67", json: "2.675"),
        NumberCase(number: -0.001, roundTrip: "-0.001", fixed2: "-0.00", json: "-0.001"),
        NumberCase(number: 0.0001, roundTrip: "0.0001", fixed2: "0.00", json: "0.0001"),
        NumberCase(number: 0.00001, roundTrip: "1E-05", fixed2: "0.00", json: "1E-05"),
        NumberCase(number: 1.5e-7, roundTrip: "1.5E-07", fixed2: "0.00", json: "1.5E-07"),
        NumberCase(number: 1e14, roundTrip: "100000000000000", fixed2: "100000000000000.00", json: "100000000000000.0"),
        NumberCase(number: 1e15, roundTrip: "1E+15", fixed2: "1000000000000000.00", json: "1E+15"),
        NumberCase(
            number: 123_456_789_012_345_683_968, roundTrip: "1.2345678901234568E+20",
            fixed2: "123456789012345683968.00",
            json: "1.2345678901234568E+20"),
        NumberCase(number: 999.995, roundTrip: "999.995", fixed2: "1000.00", json: "999.995"),
        NumberCase(number: 9.999, roundTrip: "9.999", fixed2: "10.00", json: "9.999"),
        NumberCase(number: .leastNonzeroMagnitude, roundTrip: "5E-324", fixed2: "0.00", json: "5E-324"),
        NumberCase(
            number: 1.7976931348623157e308, roundTrip: "1.7976931348623157E+308",
            fixed2:
                "179769313486231570814527423731704356798070567525844996598917476803157260780028538760589558632766878"
                + "171540458953514382464234321326889464182768467546703537516986049910576551282076245490090389328944075"
                + "868508455133942304583236903222948165808559332123348274797826204144723168738177180919299881250404026"
                + "184124858368.00",
            json: "1.7976931348623157E+308"),
    ]

    @Test(".NET's double formats: ToString(), ToString(\"F\"), Newtonsoft's JSON", arguments: numberCases)
    func numbers(_ row: NumberCase) {
        #expect(DotNetNumberFormat.roundTrip(row.number) == row.roundTrip)
        #expect(DotNetNumberFormat.fixed2(row.number) == row.fixed2)
        #expect(JSONWriter.compact(PSValueJSON.json(.double(row.number))) == row.json)
    }

    // MARK: - Word wrap

    struct WrapCase: Sendable, CustomTestStringConvertible {
        let value: String
        let width: Int
        let lines: [String]
        let testDescription: String
    }

    static let wrapCases: [WrapCase] = [
        WrapCase(value: "short", width: 10, lines: ["short"], testDescription: "a line that fits is kept"),
        WrapCase(value: "", width: 5, lines: [""], testDescription: "empty"),
        WrapCase(
            value: "aaa bbb ccc", width: 8, lines: ["aaa bbb ", "ccc"], testDescription: "words keep their space"),
        WrapCase(value: "abcdefghij", width: 4, lines: ["abcd", "efgh", "ij"], testDescription: "a long word is cut"),
        WrapCase(
            value: "ab cdefghij", width: 4, lines: ["ab c", "defg", "hij"],
            testDescription: "a long word fills the line first"),
        WrapCase(value: "a\r\nb", width: 10, lines: ["a", "b"], testDescription: "newlines split, CR dropped"),
        WrapCase(
            value: "abc\u{AD}defgh", width: 4, lines: ["abc-", "defg", "h"],
            testDescription: "a soft hyphen shows where it breaks"),
        WrapCase(
            value: "ab\u{A0}cdefgh", width: 4, lines: ["abcd", "efgh"], testDescription: "a no-break space is dropped"),
        WrapCase(value: "鍵鍵鍵", width: 4, lines: ["鍵鍵", "鍵"], testDescription: "wide characters take two cells"),
        WrapCase(value: "鍵", width: 1, lines: ["?"], testDescription: "a character wider than the line is ?"),
        WrapCase(
            value: "the quick brown fox jumps over", width: 16, lines: ["the quick brown ", "fox jumps over"],
            testDescription: "a sentence"),
    ]

    @Test("PowerShell's word wrap for formatted values", arguments: wrapCases)
    func wrap(_ row: WrapCase) {
        #expect(FormatLineWrap.lines(row.value, firstLineWidth: row.width, followingLinesWidth: row.width) == row.lines)
    }

    // MARK: - Format-List

    struct ListCase: Sendable, CustomTestStringConvertible {
        let object: PSObject
        let maximumWidth: Int?
        let output: String
        let testDescription: String
    }

    static let listCases: [ListCase] = [
        ListCase(
            object: apiKeys, maximumWidth: nil,
            output: "\nKey1 : 0123456789abcdef0123456789abcdef\nKey2 : fedcba9876543210fedcba9876543210\n",
            testDescription: "ApiKeys"),
        ListCase(
            object: mixed, maximumWidth: nil,
            output: """

                Name         : acct
                Count        : 5
                Ratio        : 0.5
                Enabled      : True
                Missing      : 
                Sku          : Microsoft.Azure.Management.CognitiveServices.Models.Sku
                Tags         : {[env, prod], [team, ai]}
                Capabilities : {A, B, C, D…}
                Empty        : {}
                Mode         : Deny

                """,
            testDescription: "every kind of value, labels padded to the longest"),
        ListCase(
            object: PSObject(
                typeName: "T", properties: [.init("Endpoint", .string("https://westus.api.cognitive.microsoft.com/"))]),
            maximumWidth: 39,
            output: "\nEndpoint : https://westus.api.cognitive\n           .microsoft.com/\n",
            testDescription: "a long value wraps under the value column on a terminal"),
        ListCase(
            object: PSObject(
                typeName: "T", properties: [.init("Endpoint", .string("https://westus.api.cognitive.microsoft.com/"))]),
            maximumWidth: nil,
            output: "\nEndpoint : https://westus.api.cognitive.microsoft.com/\n",
            testDescription: "redirected, nothing wraps"),
        ListCase(
            object: PSObject(
                typeName: "T", properties: [.init("Description", .string("the quick brown fox jumps over"))]),
            maximumWidth: 30,
            output: "\nDescription : the quick brown \n              fox jumps over\n",
            testDescription: "word wrap keeps the space at the end of a line"),
        ListCase(
            object: PSObject(typeName: "T", properties: [.init("Text", .string("line1\nline2"))]), maximumWidth: nil,
            output: "\nText : line1\n       line2\n", testDescription: "lines of a value start under the value column"),
        ListCase(
            object: PSObject(
                typeName: "T", properties: [.init("LongPropertyName", .string("x")), .init("A", .string("y"))]),
            maximumWidth: 10, output: "\nLongPr : x\nA      : y\n", testDescription: "labels are cut to leave one cell"),
        ListCase(
            object: apiKeys, maximumWidth: 4, output: "\n", testDescription: "a console too narrow shows no properties"),
        ListCase(
            object: PSObject(typeName: "T", properties: [.init("鍵", .string("v")), .init("Ab", .string("w"))]),
            maximumWidth: nil,
            output: "\n鍵 : v\nAb : w\n", testDescription: "labels padded by display cells"),
    ]

    @Test("Format-List layout", arguments: listCases)
    func list(_ row: ListCase) {
        #expect(ListFormatter(maximumWidth: row.maximumWidth).format(row.object) == row.output)
    }

    // MARK: - Format-Table

    struct TableCase: Sendable, CustomTestStringConvertible {
        let objects: [PSObject]
        let maximumWidth: Int?
        let output: String
        let testDescription: String
    }

    static func row(_ name: String, _ count: PSValue) -> PSObject {
        PSObject(typeName: "T", properties: [.init("Name", .string(name)), .init("Count", count)])
    }

    static let tableCases: [TableCase] = [
        TableCase(
            objects: [apiKeys], maximumWidth: nil,
            output: "\nKey1                             Key2\n----                             ----\n"
                + "0123456789abcdef0123456789abcdef fedcba9876543210fedcba9876543210\n",
            testDescription: "ApiKeys, byte for byte"),
        TableCase(
            objects: [row("a", .integer(5)), row("bb", .integer(1_234_567))], maximumWidth: nil,
            output: "\nName   Count\n----   -----\na          5\nbb   1234567\n",
            testDescription: "numbers are right-aligned, label and dashes too"),
        TableCase(
            objects: [row("a", .double(0.5)), row("b", .bool(true))], maximumWidth: nil,
            output: "\nName Count\n---- -----\na     0.50\nb     True\n",
            testDescription: "doubles with two decimals; the first object decides the alignment"),
        TableCase(
            objects: [row("a", .null), row("b", .integer(7))], maximumWidth: nil,
            output: "\nName Count\n---- -----\na    \nb    7\n",
            testDescription: "a null first value leaves the column left-aligned"),
        TableCase(
            objects: [
                PSObject(
                    typeName: "T",
                    properties: [.init("Tags", .dictionary([.init("a", .string("b"))])), .init("Sku", .object(sku))])
            ],
            maximumWidth: 30,
            output: "\nTags     Sku\n----     ---\n{[a, b]} Microsoft.Azure.Mana…\n",
            testDescription: "nested values by their text; the last column is cut on a terminal"),
    ]

    @Test("Format-Table layout", arguments: tableCases)
    func table(_ row: TableCase) {
        let table = TableFormatter(
            labels: row.objects[0].properties.map(\.name), sizingWith: row.objects, maximumWidth: row.maximumWidth)
        #expect(table.header + row.objects.map(table.row).joined() == row.output)
    }

    // MARK: - ConvertTo-Json

    struct JSONCase: Sendable, CustomTestStringConvertible {
        let object: PSObject
        let json: String
        let testDescription: String
    }

    static let jsonCases: [JSONCase] = [
        JSONCase(
            object: apiKeys,
            json: #"{"Key1":"0123456789abcdef0123456789abcdef","Key2":"fedcba9876543210fedcba9876543210"}"#,
            testDescription: "ApiKeys"),
        JSONCase(
            object: mixed,
            json: #"{"Name":"acct","Count":5,"Ratio":0.5,"Enabled":true,"Missing":null,"#
                + #""Sku":{"Name":"S0","Tier":null,"Capacity":null},"Tags":{"env":"prod","team":"ai"},"#
                + #""Capabilities":["#
                + ["A", "B", "C", "D", "E"].map { #"{"Name":"\#($0)","Value":"true"}"# }.joined(separator: ",")
                + #"],"Empty":[],"Mode":0}"#,
            testDescription: "nested objects and arrays at any depth; enums as numbers"),
        JSONCase(
            object: PSObject(
                typeName: "T",
                properties: [
                    .init(
                        "Type",
                        .enumeration(
                            PSEnumeration(
                                typeName: "ResourceIdentityType", name: "SystemAssignedUserAssigned", value: 3,
                                serializedName: "SystemAssigned, UserAssigned"))),
                    .init(
                        "Deep", .list([.list([.object(PSObject(typeName: "U", properties: [.init("X", .double(1))]))])])
                    ),
                    .init("Text", .string("a\"b\\c\n\u{1B}é")),
                ]),
            json: #"{"Type":"SystemAssigned, UserAssigned","Deep":[[{"X":1.0}]],"Text":"a\"b\\c\n\u001bé"}"#,
            testDescription: "string-converted enums by name; no depth limit; Newtonsoft's escapes"),
    ]

    @Test("ConvertTo-Json -Compress of the whole object", arguments: jsonCases)
    func json(_ row: JSONCase) throws {
        #expect(row.object.compressedJSON == row.json)
        // What one command writes, the next one reads back as the same document.
        #expect(try JSONParser.parse(Array(row.json.utf8)) == PSValueJSON.json(.object(row.object)))
    }

    // MARK: - The default view

    static func objects(count: Int) -> PSObject {
        PSObject(typeName: "T", properties: (1...count).map { .init("P\($0)", .string("v\($0)")) })
    }

    struct ViewCase: Sendable, CustomTestStringConvertible {
        let format: OutputFormat?
        let properties: Int
        let output: String
        let testDescription: String
    }

    static let viewCases: [ViewCase] = [
        ViewCase(
            format: nil, properties: 4, output: "\nP1 P2 P3 P4\n-- -- -- --\nv1 v2 v3 v4\nv1 v2 v3 v4\n\n",
            testDescription: "four properties: a table"),
        ViewCase(
            format: nil, properties: 5,
            output: String(repeating: "\nP1 : v1\nP2 : v2\nP3 : v3\nP4 : v4\nP5 : v5\n", count: 2) + "\n",
            testDescription: "five properties: a list, one empty line between objects"),
        ViewCase(
            format: .table, properties: 5,
            output: "\nP1 P2 P3 P4 P5\n-- -- -- -- --\nv1 v2 v3 v4 v5\nv1 v2 v3 v4 v5\n\n",
            testDescription: "--output table forces a table"),
        ViewCase(
            format: .list, properties: 1, output: "\nP1 : v1\n\nP1 : v1\n\n",
            testDescription: "--output list forces a list"),
        ViewCase(
            format: .json, properties: 2, output: "{\"P1\":\"v1\",\"P2\":\"v2\"}\n{\"P1\":\"v1\",\"P2\":\"v2\"}\n",
            testDescription: "--output json: one object per line"),
    ]

    @Test("the default view is a table up to four properties, else a list; --output forces one", arguments: viewCases)
    func defaultView(_ row: ViewCase) {
        let sink = MemorySink()
        let writer = ObjectWriter(format: row.format, sink: sink, maximumWidth: nil)
        writer.write(Self.objects(count: row.properties))
        writer.write(Self.objects(count: row.properties))
        writer.finish()
        #expect(sink.text == row.output)
        #expect(writer.format == (row.format ?? (row.properties <= 4 ? .table : .list)))
    }

    @Test("mappingStrings reaches every string value but leaves names alone")
    func mappingStrings() {
        let mapped = Self.mixed.mappingStrings { $0.uppercased() }
        #expect(mapped["name"] == .string("ACCT"))
        #expect(mapped["Tags"] == .dictionary([.init("ENV", .string("PROD")), .init("TEAM", .string("AI"))]))
        #expect(mapped.properties.map(\.name) == Self.mixed.properties.map(\.name))
        #expect(mapped["Count"] == .integer(5))
        guard case .object(let sku)? = mapped["Sku"] else {
            Issue.record("Sku is not an object")
            return
        }
        #expect(sku.typeName == Self.sku.typeName && sku["Name"] == .string("S0"))
    }
}
