using CcapBot.Domain;
using CcapBot.Features.Matching;
using CcapBot.Tests.Features.Registration;
using CcapBot.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace CcapBot.Tests.Features.Review;

/// <summary>Approving a learning application puts its mentor suggestions in front of coordinators at once.</summary>
public sealed class ApprovalSuggestionsTests : IAsyncLifetime
{
    private FakeConnector _connector = null!;
    private readonly CcapBotFactory _bot = new CcapBotFactory().With("Coordinators:Identities:0", People.CoordinatorAad);

    public async ValueTask InitializeAsync() => _connector = await FakeConnector.StartAsync();

    public async ValueTask DisposeAsync()
    {
        await _bot.DisposeAsync();
        await _connector.DisposeAsync();
    }

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ApprovingALearningApplication_SendsCoordinatorsTheMentorSuggestions_WithoutAsking()
    {
        var lan = People.Teams(_bot, _connector, People.CoordinatorId, People.CoordinatorAad, "Lan Coordinator");
        await lan.SayAsync("hi");
        await _bot.QueryAsync(async db =>
        {
            var now = DateTimeOffset.UtcNow;
            db.Cities.Add(new City
            {
                Name = "Kitakyushu", CountryCode = "JP", TimeZone = "Asia/Tokyo", Agency = "Environment Bureau", Status = CityStatus.Approved,
                RoleInterest = CityRole.Mentor, ConsentToPublish = true, CreatedAt = now, UpdatedAt = now, WorkingLanguages = ["en", "ja"],
                Representatives = [new Representative { Name = "Tanaka Yuki", Email = "tanaka@kitakyushu.example", TimeZone = "Asia/Tokyo", Active = true, CreatedAt = now }],
            });
            return await db.SaveChangesAsync(Ct);
        });
        var hoa = People.Teams(_bot, _connector, "29:rep-hoa", Guid.NewGuid().ToString(), "Pham Thi Hoa");
        await People.RegisterAsync(hoa, "Viet Nam", "Da Nang", "hoa@danang.gov.vn");
        await lan.PressAsync("Approve", card: await People.OutboxCardAsync(_connector, lan, "New city registration"));
        await People.ApplyAsync(hoa);
        var review = await People.OutboxCardAsync(_connector, lan, "C3 learning request");
        Assert.Empty(await _bot.QueryAsync(db => db.OutboxMessages.Where(m => m.Topic != null && m.Topic.StartsWith("suggestions:")).ToListAsync(Ct)));

        var approved = await lan.PressAsync("Approve", card: review);

        Assert.Contains("✔ Approved by Lan Coordinator", People.Text(approved.InvokeCard), StringComparison.Ordinal);
        var suggestions = await People.OutboxCardAsync(_connector, lan, "Mentor suggestions for Da Nang");
        Assert.Contains("Kitakyushu", People.Text(suggestions), StringComparison.Ordinal);
        Assert.Contains(MatchingVerbs.Confirm, suggestions.ToJsonString(), StringComparison.Ordinal);
        var application = await _bot.QueryAsync(db => db.Applications.SingleAsync(Ct));
        Assert.Equal(ReviewStatus.Approved, application.Status);
        var suggested = await _bot.QueryAsync(db => db.MatchSuggestions.Where(s => s.LearningApplicationId == application.Id).ToListAsync(Ct));
        Assert.Single(suggested);
        // One card per coordinator, only to coordinators: the applicant is told the decision, not the ranking.
        var sent = await _bot.QueryAsync(db => db.OutboxMessages.Where(m => m.Topic == SuggestionCards.Topic(application.Id)).ToListAsync(Ct));
        Assert.Equal([People.CoordinatorId], sent.Select(m => m.UserId));
    }
}
