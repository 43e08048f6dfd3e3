// office-addin-mock reads only the OfficeApp enum from this package (host checks); the real
// package pulls an ESM-only dependency that jest can't load.
module.exports = {
  OfficeApp: {
    Excel: 'excel',
    OneNote: 'onenote',
    Outlook: 'outlook',
    PowerPoint: 'powerpoint',
    Project: 'project',
    Word: 'word',
  },
};
