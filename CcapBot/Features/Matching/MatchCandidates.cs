using CcapBot.Domain;

namespace CcapBot.Features.Matching;

/// <summary>What a learning application asks for, with the facts of its city the scorer needs.</summary>
public sealed record LearningNeed
{
    public required int ApplicationId { get; init; }
    public required int CityId { get; init; }
    public required string CityName { get; init; }
    /// <summary>IANA zone.</summary>
    public required string TimeZone { get; init; }
    public IReadOnlyList<string> WorkingLanguages { get; init; } = [];
    public IReadOnlyList<string> Categories { get; init; } = [];
    public IReadOnlyList<int> SpecificActions { get; init; } = [];
    /// <summary>First month of the period (day 1).</summary>
    public required DateOnly PeriodStart { get; init; }
    /// <summary>Last month of the period (day 1).</summary>
    public required DateOnly PeriodEnd { get; init; }
    public IReadOnlyList<string> WaysOfWorking { get; init; } = [];
    /// <summary>What the learning city puts in; a mentor is asked to match it.</summary>
    public int? StaffHoursPerMonth { get; init; }

    public static LearningNeed From(Application application, City city)
    {
        ArgumentNullException.ThrowIfNull(application);
        ArgumentNullException.ThrowIfNull(city);
        if (application.Kind != ApplicationKind.Learning) throw new ArgumentException("Not a learning application.", nameof(application));
        return new LearningNeed
        {
            ApplicationId = application.Id,
            CityId = city.Id,
            CityName = city.Name,
            TimeZone = city.TimeZone,
            WorkingLanguages = city.WorkingLanguages,
            Categories = application.Categories,
            SpecificActions = application.SpecificActions,
            PeriodStart = application.PeriodStart,
            PeriodEnd = application.PeriodEnd,
            WaysOfWorking = application.WaysOfWorking,
            StaffHoursPerMonth = application.StaffHoursPerMonth,
        };
    }
}

/// <summary>A mentor city's track record in one category: what it has finished as a mentor.</summary>
public sealed record CategoryExperience(string CategoryCode, int CompletedPartnerships, int CompletedActivities);

/// <summary>
/// A possible mentor: an approved city willing to mentor, with its mentor offer if it made one. Without
/// an offer the city has not stated a period, capacity or ways of working, and the scorer says so.
/// </summary>
public sealed record MentorCandidate
{
    public required int CityId { get; init; }
    public required string CityName { get; init; }
    /// <summary>IANA zone.</summary>
    public required string TimeZone { get; init; }
    public IReadOnlyList<string> WorkingLanguages { get; init; } = [];
    /// <summary>The mentor offer, if any.</summary>
    public int? OfferApplicationId { get; init; }
    /// <summary>Expertise categories named in the offer.</summary>
    public IReadOnlyList<string> Categories { get; init; } = [];
    public IReadOnlyList<int> SpecificActions { get; init; } = [];
    public DateOnly? PeriodStart { get; init; }
    public DateOnly? PeriodEnd { get; init; }
    /// <summary>Empty when not stated (no offer).</summary>
    public IReadOnlyList<string> WaysOfWorking { get; init; } = [];
    public int? StaffHoursPerMonth { get; init; }
    /// <summary>Partnerships the city can mentor at once, as offered.</summary>
    public int? Capacity { get; init; }
    /// <summary>Partnerships it mentors now (confirmed, not yet completed or ended).</summary>
    public int ActivePartnerships { get; init; }
    /// <summary>The city's current AQM capacity codes: where one names a category (emissions inventory), it is declared expertise.</summary>
    public IReadOnlyList<string> DeclaredCapacities { get; init; } = [];
    /// <summary>Active representatives plus the alternate contact: people who can carry the partnership.</summary>
    public int Contacts { get; init; }
    public IReadOnlyList<CategoryExperience> Experience { get; init; } = [];

    /// <summary>
    /// Builds a candidate from the city (with its representatives loaded), its mentor offer if any, and
    /// what the caller counted of its mentoring so far.
    /// </summary>
    public static MentorCandidate From(City city, Application? offer, IReadOnlyList<CategoryExperience> experience, int activePartnerships)
    {
        ArgumentNullException.ThrowIfNull(city);
        ArgumentNullException.ThrowIfNull(experience);
        if (offer is not null && (offer.Kind != ApplicationKind.Mentor || offer.CityId != city.Id))
            throw new ArgumentException("Not a mentor offer of this city.", nameof(offer));

        var active = city.Representatives.Where(r => r.Active).ToList();
        var alternate = city.AlternateContactEmail is { Length: > 0 } email
            && !active.Any(r => string.Equals(r.Email, email, StringComparison.OrdinalIgnoreCase)) ? 1 : 0;
        return new MentorCandidate
        {
            CityId = city.Id,
            CityName = city.Name,
            TimeZone = city.TimeZone,
            WorkingLanguages = city.WorkingLanguages,
            OfferApplicationId = offer?.Id,
            Categories = offer?.Categories ?? [],
            SpecificActions = offer?.SpecificActions ?? [],
            PeriodStart = offer?.PeriodStart,
            PeriodEnd = offer?.PeriodEnd,
            WaysOfWorking = offer?.WaysOfWorking ?? [],
            StaffHoursPerMonth = offer?.StaffHoursPerMonth,
            Capacity = offer?.Capacity,
            ActivePartnerships = activePartnerships,
            DeclaredCapacities = city.AqmCapacity,
            Contacts = active.Count + alternate,
            Experience = experience,
        };
    }
}
