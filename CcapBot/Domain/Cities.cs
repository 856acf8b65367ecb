namespace CcapBot.Domain;

/// <summary>A city in CCAP. Registered by a focal person, approved (or returned) by a coordinator.</summary>
public sealed class City
{
    public int Id { get; set; }
    public required string Name { get; set; }
    /// <summary>ISO 3166-1 alpha-2.</summary>
    public required string CountryCode { get; set; }
    public string? Region { get; set; }
    /// <summary>IANA zone, e.g. Asia/Ho_Chi_Minh: meetings and reminders are shown in it.</summary>
    public required string TimeZone { get; set; }
    public int? Population { get; set; }
    public required string Agency { get; set; }
    /// <summary>ISO 639-1 codes of the languages the city works in.</summary>
    public List<string> WorkingLanguages { get; set; } = [];
    public CityRole RoleInterest { get; set; }
    /// <summary>Codes from <see cref="AqmCapacities"/>.</summary>
    public List<string> AqmCapacity { get; set; } = [];
    public bool ConsentToPublish { get; set; }
    public string? AlternateContactName { get; set; }
    public string? AlternateContactEmail { get; set; }
    public CityStatus Status { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }

    public List<Representative> Representatives { get; set; } = [];

    /// <summary>Same city, same country: compared without case, accents or spacing (Hải Phòng = Haiphong).</summary>
    public static string NormalizedKey(string name, string countryCode) =>
        TextKey.Normalize(name) + "|" + countryCode.Trim().ToUpperInvariant();

    public string Key => NormalizedKey(Name, CountryCode);
}

public enum CityRole
{
    Learning,
    Mentor,
    Both,
}

public enum CityStatus
{
    Pending,
    Approved,
    Returned,
    Withdrawn,
}

/// <summary>Current air-quality-management capacity items (CCAP roadmap), stored by code.</summary>
public static class AqmCapacities
{
    public const string MonitoringNetwork = "monitoring-network";
    public const string EmissionsInventory = "emissions-inventory";
    public const string CleanAirActionPlan = "clean-air-action-plan";
    public const string AirQualityStandards = "aq-standards";
    public const string PublicInformation = "public-aq-information";

    public static IReadOnlyList<string> All { get; } = [MonitoringNetwork, EmissionsInventory, CleanAirActionPlan, AirQualityStandards, PublicInformation];
}

/// <summary>A person who acts for a city (the focal person, or another representative who joined).</summary>
public sealed class Representative
{
    public int Id { get; set; }
    public int CityId { get; set; }
    public City? City { get; set; }
    public required string Name { get; set; }
    public string? Title { get; set; }
    public required string Email { get; set; }
    public string? Phone { get; set; }
    public string PreferredLanguage { get; set; } = "en";
    public required string TimeZone { get; set; }
    public bool IsFocalPerson { get; set; }
    /// <summary>Pending until the coordinator approves the registration or join request.</summary>
    public bool Active { get; set; }
    public DateTimeOffset CreatedAt { get; set; }

    public List<RepresentativeIdentity> Identities { get; set; } = [];
}

/// <summary>
/// A channel identity that speaks for a representative: a Teams user (aadObjectId is stable across
/// bots; the 29: id is per bot) or a web chat user id.
/// </summary>
public sealed class RepresentativeIdentity
{
    public int Id { get; set; }
    public int RepresentativeId { get; set; }
    public required string ChannelId { get; set; }
    public required string UserId { get; set; }
    public string? AadObjectId { get; set; }
}

/// <summary>A registration to review: a new city, or a representative joining an approved city.</summary>
public sealed class Registration
{
    public int Id { get; set; }
    public RegistrationKind Kind { get; set; }
    public int CityId { get; set; }
    public City? City { get; set; }
    public int RepresentativeId { get; set; }
    public Representative? Representative { get; set; }
    public ReviewStatus Status { get; set; }
    public DateTimeOffset SubmittedAt { get; set; }
    public string? ReviewedBy { get; set; }
    public DateTimeOffset? ReviewedAt { get; set; }
    public string? Reason { get; set; }
}

public enum RegistrationKind
{
    NewCity,
    JoinCity,
}

public enum ReviewStatus
{
    Submitted,
    Approved,
    Returned,
    Withdrawn,
}
