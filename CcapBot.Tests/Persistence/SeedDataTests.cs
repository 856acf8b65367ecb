using CcapBot.Domain;
using CcapBot.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CcapBot.Tests.Persistence;

public sealed class SeedDataTests : IAsyncLifetime
{
    private readonly CcapBotFactory _bot = new();

    public ValueTask InitializeAsync()
    {
        _ = _bot.Services; // starts the host: the database is migrated at start-up
        return ValueTask.CompletedTask;
    }

    public ValueTask DisposeAsync() => _bot.DisposeAsync();

    [Fact]
    public async Task FiveReviewedTemplates_EachWith4To8Activities_InBothLanguages()
    {
        var templates = await _bot.QueryAsync(db => db.ActionListTemplates.Include(t => t.Activities).ToListAsync());

        Assert.Equal(5, templates.Count);
        Assert.All(templates, t =>
        {
            Assert.True(t.Reviewed);
            Assert.InRange(t.Activities.Count, ActionListRules.MinActivities, ActionListRules.MaxActivities);
            Assert.False(string.IsNullOrWhiteSpace(t.TitleVi));
            Assert.NotEqual(t.TitleEn, t.TitleVi);
            Assert.All(t.Activities, a =>
            {
                Assert.False(string.IsNullOrWhiteSpace(a.TitleEn));
                Assert.False(string.IsNullOrWhiteSpace(a.TitleVi));
                Assert.NotEqual(a.TitleEn, a.TitleVi);
                Assert.False(string.IsNullOrWhiteSpace(a.DescriptionVi));
            });
        });
        Assert.Equal(
            ["commercial-cooking", "bike-sharing", "port-operations", "emissions-inventory", "low-emission-development"],
            templates.OrderBy(t => t.Id).Select(t => t.CategoryCode));
    }

    [Fact]
    public async Task Categories_IncludeOther_AndAreEditableData()
    {
        await using (var scope = _bot.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<CcapBot.Persistence.CcapDbContext>();
            var bikes = await db.ActionCategories.SingleAsync(c => c.Code == "bike-sharing", TestContext.Current.CancellationToken);
            bikes.NameEn = "Public bike-sharing systems";
            await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        }

        var categories = await _bot.QueryAsync(db => db.ActionCategories.OrderBy(c => c.SortOrder).ToListAsync());
        Assert.Equal(6, categories.Count);
        Assert.Equal(ActionCategory.Other, categories[^1].Code);
        Assert.Equal("Public bike-sharing systems", categories.Single(c => c.Code == "bike-sharing").NameEn);
    }
}
