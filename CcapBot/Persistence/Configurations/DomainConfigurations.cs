using CcapBot.Domain;
using CcapBot.Persistence.Seed;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CcapBot.Persistence.Configurations;

internal sealed class CityConfiguration : IEntityTypeConfiguration<City>
{
    public void Configure(EntityTypeBuilder<City> builder)
    {
        builder.Property(c => c.Name).HasMaxLength(200);
        builder.Property(c => c.CountryCode).HasMaxLength(2);
        builder.Property(c => c.TimeZone).HasMaxLength(64);
        builder.Property(c => c.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(c => c.RoleInterest).HasConversion<string>().HasMaxLength(20);
        builder.Ignore(c => c.Key);
        builder.HasIndex(c => new { c.CountryCode, c.Name });
        builder.HasMany(c => c.Representatives).WithOne(r => r.City).HasForeignKey(r => r.CityId);
    }
}

internal sealed class RepresentativeConfiguration : IEntityTypeConfiguration<Representative>
{
    public void Configure(EntityTypeBuilder<Representative> builder)
    {
        builder.Property(r => r.Name).HasMaxLength(200);
        builder.Property(r => r.Email).HasMaxLength(254);
        builder.Property(r => r.PreferredLanguage).HasMaxLength(10);
        builder.Property(r => r.TimeZone).HasMaxLength(64);
        builder.HasMany(r => r.Identities).WithOne().HasForeignKey(i => i.RepresentativeId);
    }
}

internal sealed class RepresentativeIdentityConfiguration : IEntityTypeConfiguration<RepresentativeIdentity>
{
    public void Configure(EntityTypeBuilder<RepresentativeIdentity> builder)
    {
        builder.Property(i => i.ChannelId).HasMaxLength(64);
        builder.Property(i => i.UserId).HasMaxLength(256);
        builder.HasIndex(i => new { i.ChannelId, i.UserId }).IsUnique();
        builder.HasIndex(i => i.AadObjectId);
    }
}

internal sealed class RegistrationConfiguration : IEntityTypeConfiguration<Registration>
{
    public void Configure(EntityTypeBuilder<Registration> builder)
    {
        builder.Property(r => r.Kind).HasConversion<string>().HasMaxLength(20);
        // Decided once: a second reviewer's decision saved over a first one fails, and that turn re-runs and sees it decided.
        builder.Property(r => r.Status).HasConversion<string>().HasMaxLength(20).IsConcurrencyToken();
        builder.Property(r => r.Reason).HasMaxLength(2000);
        builder.HasOne(r => r.City).WithMany().HasForeignKey(r => r.CityId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(r => r.Representative).WithMany().HasForeignKey(r => r.RepresentativeId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(r => new { r.Status, r.SubmittedAt });
    }
}

internal sealed class ApplicationConfiguration : IEntityTypeConfiguration<Application>
{
    public void Configure(EntityTypeBuilder<Application> builder)
    {
        builder.Property(a => a.Kind).HasConversion<string>().HasMaxLength(20);
        // Decided once (see RegistrationConfiguration).
        builder.Property(a => a.Status).HasConversion<string>().HasMaxLength(20).IsConcurrencyToken();
        builder.Property(a => a.OtherNeeds).HasMaxLength(2000);
        builder.Property(a => a.Constraints).HasMaxLength(2000);
        builder.Property(a => a.Reason).HasMaxLength(2000);
        builder.HasOne(a => a.City).WithMany().HasForeignKey(a => a.CityId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(a => new { a.Status, a.Kind });
    }
}

internal sealed class ActionCategoryConfiguration : IEntityTypeConfiguration<ActionCategory>
{
    public void Configure(EntityTypeBuilder<ActionCategory> builder)
    {
        builder.HasKey(c => c.Code);
        builder.Property(c => c.Code).HasMaxLength(64);
        builder.HasData(ActionListSeed.Load().Categories);
    }
}

internal sealed class ActionListTemplateConfiguration : IEntityTypeConfiguration<ActionListTemplate>
{
    public void Configure(EntityTypeBuilder<ActionListTemplate> builder)
    {
        builder.Property(t => t.CategoryCode).HasMaxLength(64);
        builder.HasOne<ActionCategory>().WithMany().HasForeignKey(t => t.CategoryCode);
        builder.HasMany(t => t.Activities).WithOne().HasForeignKey(a => a.TemplateId);
        builder.HasData(ActionListSeed.Load().Templates);
    }
}

internal sealed class TemplateActivityConfiguration : IEntityTypeConfiguration<TemplateActivity>
{
    public void Configure(EntityTypeBuilder<TemplateActivity> builder)
    {
        builder.Property(a => a.DescriptionEn).HasMaxLength(1000);
        builder.Property(a => a.DescriptionVi).HasMaxLength(1000);
        builder.HasData(ActionListSeed.Load().Activities);
    }
}

internal sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> builder)
    {
        builder.Property(a => a.Details).HasMaxLength(4000);
        builder.HasIndex(a => new { a.EntityType, a.EntityId });
        builder.HasIndex(a => a.At);
    }
}

internal sealed class CoordinatorGrantConfiguration : IEntityTypeConfiguration<CoordinatorGrant>
{
    public void Configure(EntityTypeBuilder<CoordinatorGrant> builder)
    {
        builder.Property(g => g.Identity).HasMaxLength(256);
        builder.HasIndex(g => g.Identity);
    }
}
