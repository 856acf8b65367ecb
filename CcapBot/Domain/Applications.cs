namespace CcapBot.Domain;

/// <summary>
/// A C3 application: a learning city's request for support, or a mentor city's offer. Categories and
/// specific actions refer to the action-list templates; "other" needs are free text.
/// </summary>
public sealed class Application
{
    public int Id { get; set; }
    public int CityId { get; set; }
    public City? City { get; set; }
    public ApplicationKind Kind { get; set; }
    /// <summary><see cref="ActionCategory.Code"/> values.</summary>
    public List<string> Categories { get; set; } = [];
    /// <summary><see cref="TemplateActivity.Id"/> values chosen from the templates.</summary>
    public List<int> SpecificActions { get; set; } = [];
    public string? OtherNeeds { get; set; }
    /// <summary>First month of the partnering period (day 1).</summary>
    public DateOnly PeriodStart { get; set; }
    /// <summary>Last month of the partnering period (day 1).</summary>
    public DateOnly PeriodEnd { get; set; }
    /// <summary>Codes from <see cref="WaysOfWorking"/>.</summary>
    public List<string> WaysOfWorking { get; set; } = [];
    /// <summary>Learning: what the city contributes. Mentor: what it can offer.</summary>
    public List<string> Contributions { get; set; } = [];
    public int? StaffHoursPerMonth { get; set; }
    public string? Constraints { get; set; }
    /// <summary>Mentor offers: how many partnerships the city can take on at once.</summary>
    public int? Capacity { get; set; }
    public ReviewStatus Status { get; set; }
    public int SubmittedByRepresentativeId { get; set; }
    public DateTimeOffset SubmittedAt { get; set; }
    public string? ReviewedBy { get; set; }
    public DateTimeOffset? ReviewedAt { get; set; }
    public string? Reason { get; set; }
}

public enum ApplicationKind
{
    Learning,
    Mentor,
}

public static class WaysOfWorking
{
    public const string Email = "email";
    public const string Webinar = "webinar";
    public const string Teleconference = "teleconference";
    public const string FaceToFace = "face-to-face";
    public const string StudyTour = "study-tour";

    public static IReadOnlyList<string> All { get; } = [Email, Webinar, Teleconference, FaceToFace, StudyTour];
}

public static class Contributions
{
    public const string StaffTime = "staff-time";
    public const string Hosting = "hosting";
    public const string Data = "data";
    public const string Translation = "translation";
    public const string CoFunding = "co-funding";

    public static IReadOnlyList<string> All { get; } = [StaffTime, Hosting, Data, Translation, CoFunding];
}
