#include "io/exhibit/surface.hpp"

#include <cairo-pdf.h>
#include <cairo.h>
#include <librsvg/rsvg.h>

#include <cmath>
#include <memory>

#include "claimgraph/io/render.hpp"

namespace claimgraph::io::exhibit {

namespace {

struct HandleDeleter {
  void operator()(RsvgHandle* handle) const { g_object_unref(handle); }
};
using Handle = std::unique_ptr<RsvgHandle, HandleDeleter>;

struct SurfaceDeleter {
  void operator()(cairo_surface_t* surface) const { cairo_surface_destroy(surface); }
};
using Surface = std::unique_ptr<cairo_surface_t, SurfaceDeleter>;

struct ContextDeleter {
  void operator()(cairo_t* cr) const { cairo_destroy(cr); }
};
using Context = std::unique_ptr<cairo_t, ContextDeleter>;

[[noreturn]] void fail(std::string what, GError* error) {
  if (error != nullptr) {
    what += ": ";
    what += error->message;
    g_error_free(error);
  }
  throw RenderError(what, {});
}

// librsvg's reading of `svg`, at 72 dots to the inch (one pixel a point).
Handle open(std::string_view svg) {
  GError* error = nullptr;
  Handle handle(rsvg_handle_new_from_data(reinterpret_cast<const guint8*>(svg.data()), svg.size(), &error));
  if (!handle) fail("cannot read the page's SVG", error);
  rsvg_handle_set_dpi(handle.get(), 72);
  return handle;
}

void draw(cairo_t* cr, std::string_view svg, PageSize size) {
  const Handle handle = open(svg);
  const RsvgRectangle viewport{0, 0, size.width, size.height};
  GError* error = nullptr;
  if (rsvg_handle_render_document(handle.get(), cr, &viewport, &error) == FALSE) fail("cannot draw the page", error);
}

void check(cairo_status_t status, const char* what) {
  if (status != CAIRO_STATUS_SUCCESS) {
    throw RenderError(std::string(what) + ": " + cairo_status_to_string(status), {});
  }
}

cairo_status_t append(void* closure, const unsigned char* data, unsigned int length) {
  try {
    static_cast<std::string*>(closure)->append(reinterpret_cast<const char*>(data), length);
    return CAIRO_STATUS_SUCCESS;
  } catch (...) {  // called from C: nothing may escape
    return CAIRO_STATUS_NO_MEMORY;
  }
}

}  // namespace

PageSize svg_size(std::string_view svg) {
  const Handle handle = open(svg);
  double width = 0;
  double height = 0;
  if (rsvg_handle_get_intrinsic_size_in_pixels(handle.get(), &width, &height) == FALSE) {
    throw RenderError("the diagram's SVG gives no size", {});
  }
  return {width, height};
}

std::string pdf_of(std::span<const std::string> pages, PageSize size, std::string_view title) {
  std::string out;
  {
    const Surface surface(cairo_pdf_surface_create_for_stream(&append, &out, size.width, size.height));
    check(cairo_surface_status(surface.get()), "cannot start the PDF");
    const std::string name(title);
    cairo_pdf_surface_set_metadata(surface.get(), CAIRO_PDF_METADATA_TITLE, name.c_str());
    cairo_pdf_surface_set_metadata(surface.get(), CAIRO_PDF_METADATA_CREATOR, "claimgraph");
    const Context cr(cairo_create(surface.get()));
    for (const auto& page : pages) {
      draw(cr.get(), page, size);
      cairo_show_page(cr.get());
    }
    check(cairo_status(cr.get()), "cannot draw the PDF");
    cairo_surface_finish(surface.get());
    check(cairo_surface_status(surface.get()), "cannot write the PDF");
  }
  return out;
}

std::string png_of(std::string_view page, PageSize size, double dpi) {
  const double k = dpi / 72.0;
  const auto width = static_cast<int>(std::lround(size.width * k));
  const auto height = static_cast<int>(std::lround(size.height * k));
  const Surface surface(cairo_image_surface_create(CAIRO_FORMAT_ARGB32, width, height));
  check(cairo_surface_status(surface.get()), "cannot make the picture (too large?)");
  {
    const Context cr(cairo_create(surface.get()));
    cairo_set_source_rgb(cr.get(), 1, 1, 1);
    cairo_paint(cr.get());
    cairo_scale(cr.get(), k, k);
    draw(cr.get(), page, size);
    check(cairo_status(cr.get()), "cannot draw the picture");
  }
  std::string out;
  check(cairo_surface_write_to_png_stream(surface.get(), &append, &out), "cannot write the PNG");
  return out;
}

}  // namespace claimgraph::io::exhibit
