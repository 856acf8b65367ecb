using CcapBot.Domain;
using CcapBot.Persistence;
using CcapBot.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CcapBot.Tests.Domain;

/// <summary>The partnership aggregate through a real (migrated) SQLite database, one context per step as in real turns.</summary>
public sealed class PartnershipPersistenceTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Now = new(2027, 3, 1, 2, 0, 0, TimeSpan.Zero);
    private static readonly DateOnly Today = new(2027, 3, 1);
    private static readonly PartnershipActor Coordinator = PartnershipActor.Coordinator("coordinator@cleanairasia.org");

    private readonly CcapBotFactory _bot = new();
    private (int Kitakyushu, int Haiphong, int KitakyushuRep, int HaiphongRep) _ids;

    public async ValueTask InitializeAsync()
    {
        await using var scope = _bot.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<CcapDbContext>();
        var kitakyushu = City("Kitakyushu", "JP", "Asia/Tokyo", "Yamada", "yamada@city.kitakyushu.lg.jp");
        var haiphong = City("Hai Phong", "VN", "Asia/Ho_Chi_Minh", "Nguyen", "nguyen@haiphong.gov.vn");
        db.Cities.AddRange(kitakyushu, haiphong);
        await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        _ids = (kitakyushu.Id, haiphong.Id, kitakyushu.Representatives[0].Id, haiphong.Representatives[0].Id);
    }

    public ValueTask DisposeAsync() => _bot.DisposeAsync();

    private static City City(string name, string country, string zone, string person, string email) => new()
    {
        Name = name,
        CountryCode = country,
        TimeZone = zone,
        Agency = "Environment Bureau",
        Status = CityStatus.Approved,
        RoleInterest = CityRole.Both,
        Representatives = [new Representative { Name = person, Email = email, TimeZone = zone, Active = true, IsFocalPerson = true }],
    };

    private PartnershipActor KitakyushuRep => new("29:kitakyushu", false, _ids.KitakyushuRep, _ids.Kitakyushu);
    private PartnershipActor HaiphongRep => new("29:haiphong", false, _ids.HaiphongRep, _ids.Haiphong);

    private async Task<int> StepAsync(int? id, Action<Partnership, CcapDbContext> step)
    {
        await using var scope = _bot.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<CcapDbContext>();
        Partnership partnership;
        if (id is null)
        {
            partnership = Partnership.Propose("Emissions inventory of industrial zones and the port", "emissions-inventory",
                new PartnershipMember(_ids.Kitakyushu), [new PartnershipMember(_ids.Haiphong)], Coordinator, Now);
            db.Partnerships.Add(partnership);
        }
        else
        {
            partnership = await db.Partnerships.WithAggregate().SingleAsync(p => p.Id == id, TestContext.Current.CancellationToken);
        }
        step(partnership, db);
        await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        return partnership.Id;
    }

    private ActionListDraft Draft(int? basedOn = null) => new(
        [.. Enumerable.Range(1, 6).Select(i => new ActivityDraft($"Activity {i}", null, i % 2 == 1 ? _ids.Haiphong : _ids.Kitakyushu, Today.AddMonths(i)))],
        Today.AddMonths(7), basedOn);

    [Fact]
    public async Task TheWholeProcess_SurvivesSavingAndLoadingAtEveryStep()
    {
        var id = await StepAsync(null, (p, _) => p.Confirm(Coordinator, Now));
        await StepAsync(id, (p, _) => p.ScheduleLaunch(Coordinator, new LaunchMeetingPlan(Now.AddDays(7), 90, "Asia/Ho_Chi_Minh", "https://teams.microsoft.com/l/meetup-join/x"), Now));
        await StepAsync(id, (p, _) => p.Respond(HaiphongRep, 1, RsvpResponse.Accept, null, Now));
        await StepAsync(id, (p, _) => p.Respond(KitakyushuRep, 1, RsvpResponse.ProposeTime, Now.AddDays(8), Now));
        await StepAsync(id, (p, _) => p.RescheduleLaunch(Coordinator, 1, Now.AddDays(8), 60, Now));
        await StepAsync(id, (p, _) => p.Respond(KitakyushuRep, 1, RsvpResponse.Accept, null, Now));
        await StepAsync(id, (p, _) => p.ProposeActionList(Coordinator, Draft(), Today, Now));
        await StepAsync(id, (p, _) => p.AgreeActionList(HaiphongRep, 1, Now));
        await StepAsync(id, (p, _) => p.AgreeActionList(KitakyushuRep, 1, Now));
        await StepAsync(id, (p, _) => p.UpdateActivity(HaiphongRep, 1, ActivityStatus.Done, "Scope agreed", "msteams", Now.AddDays(20)));
        // A change after agreement that drops activity 2 and moves the rest up: identities must survive the round trip.
        await StepAsync(id, (p, _) => p.ProposeActionList(KitakyushuRep, new ActionListDraft(
            [.. p.LiveActivities.Where(a => a.Number != 2).Select(a => new ActivityDraft(a.Title, a.Description, a.OwnerCityId, a.DueDate, null, a.Number))],
            Today.AddMonths(7), 1), Today, Now));
        await StepAsync(id, (p, _) => p.AgreeActionList(KitakyushuRep, 2, Now));
        await StepAsync(id, (p, _) => p.AgreeActionList(HaiphongRep, 2, Now));

        var saved = await _bot.QueryAsync(db => db.Partnerships.AsNoTracking().WithAggregate().SingleAsync(p => p.Id == id));
        Assert.Equal(PartnershipStatus.Active, saved.Status);
        Assert.Equal(Today.AddMonths(7), saved.CompletionDate);
        var meeting = Assert.Single(saved.LaunchMeetings);
        Assert.Equal((LaunchMeetingStatus.Rescheduled, 1, Now.AddDays(8)), (meeting.Status, meeting.Revision, meeting.StartsAt));
        Assert.Equal(new RsvpTally(1, 0, 0), meeting.Tally());
        Assert.Equal(3, meeting.Rsvps.Count);
        Assert.Equal([ActionListStatus.Superseded, ActionListStatus.Agreed], saved.ActionLists.OrderBy(v => v.Number).Select(v => v.Status));
        Assert.All(saved.ActionLists, v => Assert.Equal(2, v.Agreements.Count));
        Assert.Equal(6, saved.Activities.Count);
        Assert.Equal(["Activity 1", "Activity 3", "Activity 4", "Activity 5", "Activity 6"], saved.LiveActivities.Select(a => a.Title));
        Assert.Equal(ActivityStatus.Done, saved.LiveActivities.First().Status);
        Assert.NotNull(Assert.Single(saved.Activities, a => a.Title == "Activity 2").RemovedAt);

        var history = await _bot.QueryAsync(db => db.ActivityUpdates.AsNoTracking().ToListAsync());
        var done = Assert.Single(history);
        Assert.Equal((ActivityStatus.NotStarted, ActivityStatus.Done, "Scope agreed", "msteams", _ids.HaiphongRep),
            (done.FromStatus, done.ToStatus, done.Note, done.Channel, done.RepresentativeId));
        Assert.Equal(Now.AddDays(20), done.At);
    }

    [Fact]
    public async Task TwoPeopleChangingOnePartnershipAtOnce_TheSecondLoses()
    {
        var id = await StepAsync(null, (p, _) => p.Confirm(Coordinator, Now));
        await StepAsync(id, (p, _) => p.ProposeActionList(Coordinator, Draft(), Today, Now));

        await using var first = _bot.CreateScope();
        await using var second = _bot.CreateScope();
        var db1 = first.ServiceProvider.GetRequiredService<CcapDbContext>();
        var db2 = second.ServiceProvider.GetRequiredService<CcapDbContext>();
        var p1 = await db1.Partnerships.WithAggregate().SingleAsync(p => p.Id == id, TestContext.Current.CancellationToken);
        var p2 = await db2.Partnerships.WithAggregate().SingleAsync(p => p.Id == id, TestContext.Current.CancellationToken);

        p1.AgreeActionList(HaiphongRep, 1, Now);
        p2.ProposeActionList(KitakyushuRep, Draft(), Today, Now);
        await db1.SaveChangesAsync(TestContext.Current.CancellationToken);

        await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => db2.SaveChangesAsync(TestContext.Current.CancellationToken));
        var saved = await _bot.QueryAsync(db => db.Partnerships.AsNoTracking().WithAggregate().SingleAsync(p => p.Id == id));
        Assert.Equal(ActionListStatus.Proposed, Assert.Single(saved.ActionLists).Status);
        Assert.Single(saved.ActionLists[0].Agreements);
    }

    [Fact]
    public async Task ConfirmedSuggestion_PointsAtThePartnershipItCreated()
    {
        await using var scope = _bot.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<CcapDbContext>();
        var ct = TestContext.Current.CancellationToken;
        var application = new Application
        {
            CityId = _ids.Haiphong, Kind = ApplicationKind.Learning, Categories = ["emissions-inventory"],
            PeriodStart = new DateOnly(2027, 3, 1), PeriodEnd = new DateOnly(2027, 12, 1), Status = ReviewStatus.Approved,
            SubmittedByRepresentativeId = _ids.HaiphongRep, SubmittedAt = Now,
        };
        db.Applications.Add(application);
        await db.SaveChangesAsync(ct);
        var suggestion = MatchSuggestion.Create(application.Id, _ids.Kitakyushu, null, 80, 1, "[]", Now);
        db.MatchSuggestions.Add(suggestion);
        await db.SaveChangesAsync(ct);

        var partnership = Partnership.Propose("Emissions inventory", "emissions-inventory",
            new PartnershipMember(_ids.Kitakyushu), [new PartnershipMember(_ids.Haiphong, application.Id)], Coordinator, Now);
        partnership.Confirm(Coordinator, Now);
        suggestion.Confirm(Coordinator, partnership, Now);
        db.Partnerships.Add(partnership);
        await db.SaveChangesAsync(ct);

        var saved = await _bot.QueryAsync(q => q.MatchSuggestions.AsNoTracking().SingleAsync(s => s.Id == suggestion.Id));
        Assert.Equal(partnership.Id, saved.PartnershipId);
        Assert.Equal(MatchSuggestionStatus.Confirmed, saved.Status);

        // One suggestion per application and candidate city.
        db.MatchSuggestions.Add(MatchSuggestion.Create(application.Id, _ids.Kitakyushu, null, 70, 2, "[]", Now));
        await Assert.ThrowsAsync<DbUpdateException>(() => db.SaveChangesAsync(ct));
    }
}
