using CcapBot.Domain;
using CcapBot.Features.Matching;
using CcapBot.Localization;
using CcapBot.Persistence;
using CcapBot.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace CcapBot.Tests.Features.Matching;

/// <summary>Candidates, experience and load come from the (real, migrated) database; the ranking is kept as suggestions.</summary>
public sealed class MentorSuggestionsTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Now = new(2027, 2, 1, 2, 0, 0, TimeSpan.Zero);
    private static readonly DateOnly Today = new(2027, 2, 1);
    private static readonly PartnershipActor Coordinator = PartnershipActor.Coordinator("coordinator@cleanairasia.org");
    private static readonly MatchReasonText Text = new(new Localizer());

    private readonly CcapBotFactory _bot = new() { Clock = new FakeTimeProvider(Now) };
    private readonly Dictionary<string, City> _cities = [];
    private int _haiphongApplication;

    public async ValueTask InitializeAsync()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var scope = _bot.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<CcapDbContext>();
        foreach (var city in new[]
        {
            City("Hai Phong", "VN", "Asia/Ho_Chi_Minh", CityRole.Learning, ["vi", "en"], contacts: 1),
            City("Kitakyushu", "JP", "Asia/Tokyo", CityRole.Mentor, ["ja", "en"], contacts: 2),
            City("San Diego", "US", "America/Los_Angeles", CityRole.Mentor, ["en"], contacts: 2),
            City("Taipei", "TW", "Asia/Taipei", CityRole.Both, ["zh", "en"], contacts: 3, capacities: ["emissions-inventory"]),
            City("Pasig", "PH", "Asia/Manila", CityRole.Learning, ["en", "fil"], contacts: 1),
            City("Da Nang", "VN", "Asia/Ho_Chi_Minh", CityRole.Learning, ["vi"], contacts: 1),
            City("Bangkok", "TH", "Asia/Bangkok", CityRole.Learning, ["th", "en"], contacts: 1),
            City("Yokohama", "JP", "Asia/Tokyo", CityRole.Mentor, ["ja"], contacts: 1, status: CityStatus.Pending),
        })
        {
            _cities[city.Name] = city;
            db.Cities.Add(city);
        }
        await db.SaveChangesAsync(ct);

        var haiphong = Application(_cities["Hai Phong"], ApplicationKind.Learning, ["emissions-inventory", "port-operations"]);
        db.Applications.AddRange(
            haiphong,
            Application(_cities["Kitakyushu"], ApplicationKind.Mentor, ["emissions-inventory", "port-operations"], capacity: 2, hours: 12),
            Application(_cities["San Diego"], ApplicationKind.Mentor, ["emissions-inventory"], capacity: 1, hours: 10),
            Application(_cities["Yokohama"], ApplicationKind.Mentor, ["emissions-inventory"], capacity: 3, hours: 20));
        await db.SaveChangesAsync(ct);
        _haiphongApplication = haiphong.Id;

        // Kitakyushu has mentored Da Nang's inventory to the end; San Diego is mentoring Bangkok's right now.
        db.Partnerships.Add(Mentorship(_cities["Kitakyushu"], _cities["Da Nang"], complete: true));
        db.Partnerships.Add(Mentorship(_cities["San Diego"], _cities["Bangkok"], complete: false));
        await db.SaveChangesAsync(ct);
    }

    public ValueTask DisposeAsync() => _bot.DisposeAsync();

    private static City City(string name, string country, string zone, CityRole role, List<string> languages, int contacts,
        List<string>? capacities = null, CityStatus status = CityStatus.Approved) => new()
    {
        Name = name,
        CountryCode = country,
        TimeZone = zone,
        Agency = "Environment department",
        RoleInterest = role,
        WorkingLanguages = languages,
        AqmCapacity = capacities ?? [],
        Status = status,
        Representatives = [.. Enumerable.Range(1, contacts).Select(i => new Representative
        {
            Name = $"{name} {i}", Email = $"rep{i}@{TextKey.Normalize(name)}.example", TimeZone = zone, Active = true, IsFocalPerson = i == 1,
        })],
    };

    private static Application Application(City city, ApplicationKind kind, List<string> categories, int? capacity = null, int? hours = null) => new()
    {
        CityId = city.Id,
        Kind = kind,
        Categories = categories,
        PeriodStart = new DateOnly(2027, 3, 1),
        PeriodEnd = new DateOnly(2027, 12, 1),
        WaysOfWorking = ["email", "teleconference"],
        Capacity = capacity,
        StaffHoursPerMonth = hours,
        Status = ReviewStatus.Approved,
        SubmittedByRepresentativeId = city.Representatives[0].Id,
        SubmittedAt = Now,
    };

    private static Partnership Mentorship(City mentor, City learning, bool complete)
    {
        var partnership = Partnership.Propose("Emissions inventory", "emissions-inventory",
            new PartnershipMember(mentor.Id), [new PartnershipMember(learning.Id)], Coordinator, Now);
        partnership.Confirm(Coordinator, Now);
        partnership.ProposeActionList(Coordinator, new ActionListDraft(
            [.. Enumerable.Range(1, 4).Select(i => new ActivityDraft($"Step {i}", null, learning.Id, Today.AddMonths(i)))], Today.AddMonths(5)), Today, Now);
        foreach (var city in new[] { mentor, learning })
            partnership.AgreeActionList(new PartnershipActor($"29:{city.Id}", false, city.Representatives[0].Id, city.Id), 1, Now);
        partnership.UpdateActivity(Coordinator, 1, ActivityStatus.Done, null, "msteams", Now);
        if (complete)
        {
            foreach (var n in new[] { 2, 3, 4 }) partnership.UpdateActivity(Coordinator, n, ActivityStatus.Done, null, "msteams", Now);
            partnership.Complete(Coordinator, Now);
        }
        return partnership;
    }

    private async Task<IReadOnlyList<MatchResult>> RefreshAsync()
    {
        await using var scope = _bot.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<MentorSuggestions>().RefreshAsync(_haiphongApplication, TestContext.Current.CancellationToken);
    }

    private static string Reason(MatchResult result, MatchFactor factor) => Text.Describe(result.Factors.Single(f => f.Factor == factor).Reason, "en");

    [Fact]
    public async Task Refresh_RanksApprovedMentors_WithTheirTrackRecordAndLoad_AndKeepsThem()
    {
        var results = await RefreshAsync();

        // Pasig, Da Nang and Bangkok only want to learn; Yokohama is not approved; Hai Phong is the learner.
        // San Diego has done it too, but is at capacity and shares no working hour with Hai Phong.
        Assert.Equal(["Kitakyushu", "Taipei", "San Diego"], results.Select(r => r.Candidate.CityName));
        var kitakyushu = results[0];
        Assert.Equal("completed 1 partnership in this area", Reason(kitakyushu, MatchFactor.Transferability));
        Assert.Equal("2 of 2 places free; offers 12 staff hours a month for 8 asked", Reason(kitakyushu, MatchFactor.Resources));
        Assert.Equal("6 working hours overlap (2 h apart)", Reason(kitakyushu, MatchFactor.TimeDifference));
        Assert.Equal("2 contacts", Reason(kitakyushu, MatchFactor.Continuity));
        Assert.Equal("declares expertise in this area", Reason(results[1], MatchFactor.Transferability));
        Assert.Null(results[1].Candidate.OfferApplicationId);
        Assert.Equal("at capacity (1 of 1 partnerships)", Reason(results[2], MatchFactor.Resources));
        Assert.Equal("completed 1 activity in this area", Reason(results[2], MatchFactor.Transferability));

        var stored = await _bot.QueryAsync(db => db.MatchSuggestions.AsNoTracking().OrderBy(s => s.Rank).ToListAsync());
        Assert.Equal(results.Select(r => (r.Candidate.CityId, r.Rank, r.Score)), stored.Select(s => (s.CandidateCityId, s.Rank, s.Score)));
        Assert.All(stored, s => Assert.Equal((MatchSuggestionStatus.Suggested, Now), (s.Status, s.CreatedAt)));
        Assert.Equal(Reason(kitakyushu, MatchFactor.TimeDifference),
            Text.Describe(MatchBreakdown.Deserialize(stored[0].Breakdown).Single(f => f.Factor == MatchFactor.TimeDifference).Reason, "en"));
    }

    [Fact]
    public async Task Refresh_Again_LeavesDecidedSuggestionsAlone_AndDropsCitiesNoLongerEligible()
    {
        await RefreshAsync();
        await using (var scope = _bot.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<CcapDbContext>();
            var taipei = await db.MatchSuggestions.SingleAsync(s => s.CandidateCityId == _cities["Taipei"].Id, TestContext.Current.CancellationToken);
            taipei.Reject(Coordinator, "Taipei is busy with Pasig", Now);
            var sanDiego = await db.Cities.SingleAsync(c => c.Id == _cities["San Diego"].Id, TestContext.Current.CancellationToken);
            sanDiego.Status = CityStatus.Withdrawn;
            await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        }

        var results = await RefreshAsync();

        Assert.Equal(["Kitakyushu"], results.Select(r => r.Candidate.CityName));
        var stored = await _bot.QueryAsync(db => db.MatchSuggestions.AsNoTracking().OrderBy(s => s.CandidateCityId).ToListAsync());
        Assert.Equal(
            [(_cities["Kitakyushu"].Id, MatchSuggestionStatus.Suggested), (_cities["Taipei"].Id, MatchSuggestionStatus.Rejected)],
            stored.Select(s => (s.CandidateCityId, s.Status)));
    }

    [Fact]
    public async Task Refresh_OfAMentorOffer_OrAWithdrawnApplication_SuggestsNothing()
    {
        var offerId = await _bot.QueryAsync(db => db.Applications.Where(a => a.Kind == ApplicationKind.Mentor).Select(a => a.Id).FirstAsync());
        await using (var scope = _bot.CreateScope())
        {
            var suggestions = scope.ServiceProvider.GetRequiredService<MentorSuggestions>();
            Assert.Empty(await suggestions.RefreshAsync(offerId, TestContext.Current.CancellationToken));
            Assert.Empty(await suggestions.RefreshAsync(int.MaxValue, TestContext.Current.CancellationToken));
        }
        await _bot.QueryAsync(db => db.Applications.Where(a => a.Id == _haiphongApplication)
            .ExecuteUpdateAsync(u => u.SetProperty(a => a.Status, ReviewStatus.Withdrawn)));

        Assert.Empty(await RefreshAsync());
        Assert.Equal(0, await _bot.QueryAsync(db => db.MatchSuggestions.CountAsync()));
    }
}
