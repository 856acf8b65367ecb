using System.Collections.Frozen;
using System.Globalization;

namespace CcapBot.Conversations.Forms;

/// <summary>A country or language with its names in English and Vietnamese (CLDR, committed as data).</summary>
public sealed record NamedCode(string Code, string English, string Vietnamese, IReadOnlyList<string> Aliases)
{
    public string Name(string language) => language == Localization.Languages.Vietnamese ? Vietnamese : English;
    public IEnumerable<string> AllNames => [Code, English, Vietnamese, .. Aliases];
}

/// <summary>ISO 3166-1 countries (all 249) and the ISO 639-1 languages offered for "working languages".</summary>
public static class ReferenceData
{
    public static IReadOnlyList<NamedCode> Countries { get; } = Load("countries.tsv", new Dictionary<string, string[]>
    {
        ["VN"] = ["Viet Nam", "Vietnam", "Viet"],
        ["US"] = ["USA", "United States of America", "America", "Mỹ"],
        ["GB"] = ["UK", "Great Britain", "England", "Anh"],
        ["KR"] = ["Korea", "Republic of Korea", "Nam Hàn"],
        ["KP"] = ["Bắc Triều Tiên"],
        ["MM"] = ["Burma", "Miến Điện"],
        ["LA"] = ["Lao PDR", "Lao People's Democratic Republic"],
        ["CN"] = ["PRC", "People's Republic of China"],
        ["HK"] = ["Hong Kong", "Hồng Kông"],
        ["MO"] = ["Macao", "Macau"],
        ["TW"] = ["Chinese Taipei"],
        ["CZ"] = ["Czech Republic", "Cộng hòa Séc"],
        ["TR"] = ["Türkiye"],
        ["RU"] = ["Russian Federation"],
        ["AE"] = ["UAE"],
        ["TL"] = ["East Timor", "Đông Timor"],
    });

    public static IReadOnlyList<NamedCode> LanguageNames { get; } = Load("languages.tsv", new Dictionary<string, string[]>
    {
        ["en"] = ["Anh"],
        ["vi"] = ["Việt", "Viet"],
        ["zh"] = ["Mandarin", "Trung", "Hoa"],
        ["ja"] = ["Nhật"],
        ["ko"] = ["Hàn"],
        ["th"] = ["Thái"],
        ["fil"] = ["Tagalog", "Philippines"],
        ["ms"] = ["Malaysian", "Mã Lai"],
        ["id"] = ["Bahasa", "Bahasa Indonesia"],
        ["bn"] = ["Bengali"],
        ["my"] = ["Myanmar"],
    });

    public static FrozenDictionary<string, NamedCode> CountriesByCode { get; } = Countries.ToFrozenDictionary(c => c.Code, StringComparer.OrdinalIgnoreCase);
    public static FrozenDictionary<string, NamedCode> LanguagesByCode { get; } = LanguageNames.ToFrozenDictionary(c => c.Code, StringComparer.OrdinalIgnoreCase);

    private static List<NamedCode> Load(string file, Dictionary<string, string[]> aliases)
    {
        var name = $"CcapBot.Conversations.Forms.Data.{file}";
        using var stream = typeof(ReferenceData).Assembly.GetManifestResourceStream(name) ?? throw new InvalidOperationException($"Missing embedded resource {name}.");
        using var reader = new StreamReader(stream);
        var list = new List<NamedCode>();
        while (reader.ReadLine() is { } line)
        {
            if (line.Length == 0 || line.StartsWith('#')) continue;
            var parts = line.Split('\t');
            list.Add(new NamedCode(parts[0], parts[1], parts[2], aliases.GetValueOrDefault(parts[0]) ?? []));
        }
        return list;
    }
}

/// <summary>IANA time zones: the ones offered on cards, and every zone the host knows for typed answers.</summary>
public static class TimeZones
{
    /// <summary>Offered on cards: Asia-Pacific first (C3 cities), then the partner regions.</summary>
    public static IReadOnlyList<string> Offered { get; } =
    [
        "Asia/Ho_Chi_Minh", "Asia/Bangkok", "Asia/Jakarta", "Asia/Makassar", "Asia/Jayapura", "Asia/Kuala_Lumpur", "Asia/Singapore",
        "Asia/Manila", "Asia/Phnom_Penh", "Asia/Vientiane", "Asia/Yangon", "Asia/Brunei", "Asia/Dili", "Asia/Taipei", "Asia/Hong_Kong",
        "Asia/Macau", "Asia/Shanghai", "Asia/Ulaanbaatar", "Asia/Tokyo", "Asia/Seoul", "Asia/Kolkata", "Asia/Colombo", "Asia/Kathmandu",
        "Asia/Dhaka", "Asia/Thimphu", "Asia/Karachi", "Asia/Kabul", "Indian/Maldives", "Asia/Tashkent", "Asia/Almaty", "Asia/Bishkek",
        "Asia/Dubai", "Asia/Riyadh", "Asia/Tehran", "Australia/Perth", "Australia/Darwin", "Australia/Brisbane", "Australia/Adelaide",
        "Australia/Sydney", "Pacific/Port_Moresby", "Pacific/Auckland", "Pacific/Fiji", "Pacific/Honolulu", "America/Anchorage",
        "America/Los_Angeles", "America/Denver", "America/Phoenix", "America/Chicago", "America/New_York", "America/Toronto",
        "America/Mexico_City", "America/Bogota", "America/Lima", "America/Santiago", "America/Sao_Paulo", "America/Argentina/Buenos_Aires",
        "Atlantic/Reykjavik", "Europe/London", "Europe/Lisbon", "Europe/Paris", "Europe/Berlin", "Europe/Madrid", "Europe/Rome",
        "Europe/Stockholm", "Europe/Warsaw", "Europe/Athens", "Europe/Helsinki", "Europe/Istanbul", "Europe/Moscow", "Africa/Cairo",
        "Africa/Johannesburg", "Africa/Lagos", "Africa/Nairobi", "Etc/UTC",
    ];

    /// <summary>Names people use for a zone that the IANA id does not show.</summary>
    public static IReadOnlyDictionary<string, string[]> Aliases { get; } = new Dictionary<string, string[]>
    {
        ["Asia/Ho_Chi_Minh"] = ["Hanoi", "Hà Nội", "Saigon", "Sài Gòn", "Hồ Chí Minh", "Vietnam", "Việt Nam", "Da Nang", "Đà Nẵng", "Hai Phong", "Hải Phòng", "Da Lat", "Đà Lạt"],
        ["Asia/Bangkok"] = ["Thailand", "Thái Lan"],
        ["Asia/Kolkata"] = ["India", "Calcutta", "Delhi", "New Delhi", "Mumbai", "Varanasi", "Shimla", "Cochin", "Coimbatore"],
        ["Asia/Shanghai"] = ["China", "Beijing", "Bắc Kinh"],
        ["Asia/Taipei"] = ["Taiwan", "Taichung", "Kaohsiung", "Taoyuan"],
        ["Asia/Manila"] = ["Philippines", "Pasig", "Baguio", "Iloilo"],
        ["Asia/Jakarta"] = ["Indonesia", "Yogyakarta", "Surabaya", "Malang"],
        ["Asia/Tokyo"] = ["Japan", "Kitakyushu", "Yokohama"],
        ["Asia/Yangon"] = ["Myanmar", "Mandalay", "Rangoon"],
        ["Asia/Phnom_Penh"] = ["Cambodia", "Siem Reap"],
        ["America/Los_Angeles"] = ["San Francisco", "San Jose", "San Diego", "Pacific Time"],
        ["America/New_York"] = ["Philadelphia", "Washington", "Eastern Time"],
        ["Etc/UTC"] = ["UTC", "GMT"],
    };

    private static readonly FrozenDictionary<string, string> Known = TimeZoneInfo.GetSystemTimeZones()
        .Select(z => z.Id).Concat(Offered).Where(id => id.Contains('/', StringComparison.Ordinal))
        .Distinct(StringComparer.OrdinalIgnoreCase).ToFrozenDictionary(id => id, id => id, StringComparer.OrdinalIgnoreCase);

    public static IEnumerable<string> All => Known.Values;

    /// <summary>The IANA id with the host's canonical spelling, or null when the host does not know it.</summary>
    public static string? Canonical(string? id) =>
        id is not null && Known.TryGetValue(id.Trim(), out var canonical) && TryFind(canonical) is not null ? canonical : null;

    public static TimeZoneInfo? TryFind(string? id) =>
        id is not null && TimeZoneInfo.TryFindSystemTimeZoneById(id, out var zone) ? zone : null;

    /// <summary>"Asia/Ho_Chi_Minh (UTC+07:00)", the offset as it is at <paramref name="at"/>.</summary>
    public static string Display(string id, DateTimeOffset at)
    {
        var zone = TryFind(id);
        if (zone is null) return id;
        var offset = zone.GetUtcOffset(at);
        return $"{id} (UTC{(offset < TimeSpan.Zero ? "-" : "+")}{offset.Duration().ToString(@"hh\:mm", CultureInfo.InvariantCulture)})";
    }

    /// <summary>The words someone might type for a zone: the id, its city, and known aliases.</summary>
    public static IEnumerable<string> Names(string id)
    {
        yield return id;
        yield return id[(id.LastIndexOf('/') + 1)..].Replace('_', ' ');
        foreach (var alias in Aliases.GetValueOrDefault(id) ?? []) yield return alias;
    }
}
