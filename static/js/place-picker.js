// Fills the municipality form from a chosen GeoNames place; works by keyboard and mouse.
document.addEventListener("click", (event) => {
  const option = event.target.closest(".place-option");
  if (!option) return;
  const set = (name, value) => {
    const input = document.querySelector(`[name="${name}"]`);
    if (input) input.value = value;
  };
  for (const key of ["place", "country", "admin1", "population", "latitude", "longitude"]) {
    set(key, option.dataset[key]);
  }
  document.getElementById("place-suggestions").innerHTML = "";
  document.getElementById("id_population").focus();
});
