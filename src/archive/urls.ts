// Where every page lives. Root-relative here; the site adapter makes them
// relative to each page so the output works under any base path.
export const urls = {
  home: "/",
  meeting: (date: string, slug: string, n: number): string =>
    `/${date.slice(0, 4)}/${date.slice(5, 7)}/${date.slice(8, 10)}/${slug}${n > 1 ? `-${n}` : ""}/`,
  series: (slug: string): string => `/series/${slug}/`,
  person: (id: string): string => `/people/${id}/`,
  initiatives: "/initiatives/",
  initiative: (series: string, slug: string): string => `/initiatives/${series}/${slug}/`,
  year: (year: string): string => `/archive/${year}/`,
  file: (path: string): string => `/files/${path.split("/").map(encodeURIComponent).join("/")}`,
};
